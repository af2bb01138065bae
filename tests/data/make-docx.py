#!/usr/bin/env python3
"""Writes tests/data/reports/r95_word_document.docx: a county bureau's briefing as Word saves it, written
for these tests. Runs of one sentence split where Word splits them (a proofing mark between runs), a
tracked deletion, a tab, and a table of the towns. Run it again after changing it:
python3 tests/data/make-docx.py
"""
import os, zipfile

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

def para(*runs):
    return '<w:p>' + ''.join(runs) + '</w:p>'

def run(text):
    return '<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % text

def cell(text):
    return '<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p>%s</w:p></w:tc>' % run(text)

def row(*cells):
    return '<w:tr>' + ''.join(cell(c) for c in cells) + '</w:tr>'

body = (
    para(run('寻乌县2025年1-9月招商引资工作情况')) +
    para(run('寻乌县商务局'), '<w:r><w:tab/></w:r>', run('2025年10月9日')) +
    para(run('1-9月,全县新签约项目'), run('2'), '<w:proofErr w:type="spellStart"/>', run('6'),
         '<w:proofErr w:type="spellEnd"/>', run('个,签约金额118.4亿元;')) +
    para(run('新开工项目15个'), '<w:del w:id="1" w:author="x"><w:r><w:delText>20个</w:delText></w:r></w:del>', run(',实际到位资金'),
         '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD 资金 </w:instrText></w:r>',
         '<w:r><w:fldChar w:fldCharType="end"/></w:r>', run('52.7亿元。')) +
    para(run('各乡镇完成情况:')) +
    '<w:tbl>' + row('乡镇', '签约项目(个)', '签约金额(亿元)') + row('长宁镇', '8', '35.2') + row('澄江镇', '5', '21.6') + '</w:tbl>' +
    '<w:sectPr/>')
document = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s</w:body></w:document>' % (W, body)
types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')
here = os.path.dirname(os.path.realpath(__file__))
path = os.path.join(here, 'reports', 'r95_word_document.docx')
with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
    for name, data in (('[Content_Types].xml', types), ('_rels/.rels', rels), ('word/document.xml', document)):
        info = zipfile.ZipInfo(name, date_time=(2025, 10, 9, 0, 0, 0))  # the same bytes every run
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data)
print('wrote', path)
