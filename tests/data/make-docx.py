#!/usr/bin/env python3
"""Writes tests/data/reports/r95_word_document.docx: a county bureau's briefing as Word saves it, written
for these tests. Runs of one sentence split where Word splits them (a proofing mark between runs), a
tracked deletion, a tab, and a table of the towns. And r98_word_merged_header.docx: a city's monthly
table whose header has cells merged across columns (w:gridSpan) and down rows (w:vMerge), 本月 and
累计 under each indicator. And r124_word_header_groups.docx: a county table whose groups (签约项目 over 个数 and
金额) are no period's. Run it again after changing it:
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

def merged(text, span=1, vmerge=None):
    props = ('<w:gridSpan w:val="%d"/>' % span if span > 1 else '') + \
            ({'restart': '<w:vMerge w:val="restart"/>', 'continue': '<w:vMerge/>'}.get(vmerge, ''))
    return '<w:tc><w:tcPr>%s</w:tcPr><w:p>%s</w:p></w:tc>' % (props, run(text) if text else '')

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
types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')
monthly = (
    para(run('2025年9月份全市招商引资主要指标完成情况')) +
    para(run('单位:个、亿元')) +
    '<w:tbl>' +
    '<w:tr>' + merged('县(市、区)', vmerge='restart') + merged('签约项目', 2) + merged('实际到位资金', 2) + '</w:tr>' +
    '<w:tr>' + merged('', vmerge='continue') + merged('本月') + merged('累计') + merged('本月') + merged('累计') + '</w:tr>' +
    row('章贡区', '5', '42', '11.2', '96.4') + row('南康区', '4', '38', '9.8', '88.2') +
    '</w:tbl>' + para(run('赣州市投资促进局 2025年10月10日')) + '<w:sectPr/>')

# r124_word_header_groups.docx: a header of two rows whose groups are no metric's period (签约项目 over
# 个数 and 金额, 完成率 down both rows), each column read under the group above it.
groups = (
    para(run('2026年1-8月各县(市、区)招商引资主要指标')) +
    para(run('发布时间:2026-09-12')) +
    '<w:tbl>' +
    '<w:tr>' + merged('县(市、区)', vmerge='restart') + merged('签约项目', 2) + merged('完成率', vmerge='restart') + '</w:tr>' +
    '<w:tr>' + merged('', vmerge='continue') + merged('个数') + merged('金额(亿元)') + merged('', vmerge='continue') + '</w:tr>' +
    row('崇义县', '14', '58.3', '72.6%') + row('大余县', '11', '47.9', '65.1%') +
    '</w:tbl>' + '<w:sectPr/>')

here = os.path.dirname(os.path.realpath(__file__))
for file, text in (('r95_word_document.docx', body), ('r98_word_merged_header.docx', monthly), ('r124_word_header_groups.docx', groups)):
    path = os.path.join(here, 'reports', file)
    xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s</w:body></w:document>' % (W, text)
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in (('[Content_Types].xml', types), ('_rels/.rels', rels), ('word/document.xml', xml)):
            info = zipfile.ZipInfo(name, date_time=(2025, 10, 9, 0, 0, 0))  # the same bytes every run
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    print('wrote', path)
