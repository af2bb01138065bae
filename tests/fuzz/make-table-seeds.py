#!/usr/bin/env python3
"""Seeds for fuzz_tables: a small CSV and a small XLSX (first byte 0 = CSV, 1 = XLSX)."""
import io, sys, zipfile, os

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
csv = "项目名称,所属区县,阶段,总投资(万元),签约时间\n甲项目,覃塘区,签约,200,2023-05-01\n\"乙,项目\",惠济区,在谈,\"1,5\",45047\n"
with open(os.path.join(out, "seed.csv"), "wb") as f:
    f.write(b"\0" + csv.encode("utf-8"))
with open(os.path.join(out, "seed-gb.csv"), "wb") as f:
    f.write(b"\0" + csv.encode("gb18030"))
buf = io.BytesIO()
z = zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED)  # stored: the fuzzer can change the XML itself
z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="项目" sheetId="1" r:id="rId1"/></sheets></workbook>')
z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
z.writestr("xl/sharedStrings.xml", "<sst><si><t>项目名称</t></si><si><r><t>甲</t></r><r><t>项目</t></r></si></sst>")
z.writestr("xl/styles.xml", '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
                            '<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>')
z.writestr("xl/worksheets/sheet1.xml", '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr">'
                                       '<is><t>阶段</t></is></c></row><row r="3"><c r="A3" t="s"><v>1</v></c><c r="C3" s="1">'
                                       '<v>45047</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells></worksheet>')
z.close()
with open(os.path.join(out, "seed.xlsx"), "wb") as f:
    f.write(b"\1" + buf.getvalue())
