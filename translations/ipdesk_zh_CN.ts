<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>--%1 needs a value</source>
        <translation>与团队数据库没有连接。对%1的修改已保留,连接恢复后保存。</translation>
    </message>
</context>
<context>
    <name>IPDesk::DeskEdits</name>
    <message>
        <source>The change could not be saved</source>
        <translation>改动无法保存</translation>
    </message>
</context>
<context>
    <name>IPDesk::FactReviewModel</name>
    <message>
        <source>Accept</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>IPDesk::Metrics</name>
    <message>
        <source>Projects under negotiation</source>
        <translation></translation>
    </message>
</context>
<context>
    <name>IPDesk::ProgressTableModel</name>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Actual</source>
        <translation>实绩</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Time pace</source>
        <translation>序时进度</translation>
    </message>
    <message>
        <source>Behind pace (points)</source>
        <translation>落后序时(百分点)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>无目标</translation>
    </message>
    <message>
        <source>%1 (sum of units)</source>
        <translation>%1(下属单位合计)</translation>
    </message>
    <message>
        <source>no figures</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>项目库</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>活动记录</translation>
    </message>
    <message>
        <source>Sum of units</source>
        <translation>下属单位合计</translation>
    </message>
    <message>
        <source>Reported: %1</source>
        <translation>报道:%1</translation>
    </message>
</context>
<context>
    <name>IPDesk::ProgressView</name>
    <message>
        <source>Year:</source>
        <translation>年度:</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>截至:</translation>
    </message>
    <message>
        <source>Targets…</source>
        <translation>目标任务…</translation>
    </message>
    <message>
        <source>Bulletin rules…</source>
        <translation>通报规则…</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>Unit comparison…</source>
        <translation>单位对比…</translation>
    </message>
    <message>
        <source>Cumulative by month…</source>
        <translation>逐月累计…</translation>
    </message>
    <message>
        <source>Pipeline funnel…</source>
        <translation>项目漏斗…</translation>
    </message>
    <message>
        <source>Industry mix…</source>
        <translation>产业构成…</translation>
    </message>
    <message>
        <source>Bulletin PDF…</source>
        <translation>通报 PDF…</translation>
    </message>
    <message>
        <source>Print preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <source>%1, %2 as of %3: time pace %4%.</source>
        <translation>%1,%2 年截至 %3:序时进度 %4%。</translation>
    </message>
    <message>
        <source>There are no targets and no figures for %1.</source>
        <translation>%1 年没有目标,也没有数据。</translation>
    </message>
    <message>
        <source>Units: %1 green, %2 yellow, %3 red.</source>
        <translation>各单位:绿灯 %1 个,黄灯 %2 个,红灯 %3 个。</translation>
    </message>
    <message>
        <source>Time pace</source>
        <translation>序时进度</translation>
    </message>
    <message>
        <source>Annual target</source>
        <translation>全年目标</translation>
    </message>
    <message>
        <source>%1 (No. %2): weighted completion %3%, %4 %5%, %6 %7%, efficacy score %8</source>
        <translation>%1(第 %2 名):加权完成率 %3%,%4 %5%,%6 %7%,功效系数得分 %8</translation>
    </message>
    <message>
        <source>Unit comparison</source>
        <translation>单位对比</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Cumulative by month</source>
        <translation>逐月累计</translation>
    </message>
    <message>
        <source>%1: %2 projects, %3</source>
        <translation>%1:%2 个项目,%3</translation>
    </message>
    <message>
        <source>Pipeline by stage</source>
        <translation>项目各阶段</translation>
    </message>
    <message>
        <source>Industry mix</source>
        <translation>产业构成</translation>
    </message>
    <message>
        <source>Time pace %1%</source>
        <translation>序时进度 %1%</translation>
    </message>
    <message>
        <source>Target at time pace</source>
        <translation>序时目标</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;SVG picture (*.svg);;PNG picture (*.png)</source>
        <translation>PDF (*.pdf);;SVG 图片 (*.svg);;PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>The chart was not exported</source>
        <translation>图表未导出</translation>
    </message>
    <message>
        <source>Bulletin PDF</source>
        <translation>通报 PDF</translation>
    </message>
    <message>
        <source>bulletin-%1-%2.pdf</source>
        <translation>通报-%1-%2.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The bulletin was not written</source>
        <translation>通报未写出</translation>
    </message>
</context>
<context>
    <name>IPDesk::ProjectDelegate</name>
    <message>
        <source>e.g. 26.24亿 or 3000万</source>
        <translation>如 26.24亿 或 3000万</translation>
    </message>
</context>
<context>
    <name>IPDesk::ProjectDetailPanel</name>
    <message>
        <source>Manufacturing project</source>
        <translation>制造业项目</translation>
    </message>
    <message>
        <source>Stage history</source>
        <translation>阶段记录</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>No project selected</source>
        <translation>未选择项目</translation>
    </message>
    <message>
        <source>History</source>
        <translation>修改历史</translation>
    </message>
    <message>
        <source>Read only: your account writes projects of its own unit and the units below it, not of %1.</source>
        <translation>只读:您的账号只能修改本单位及下属单位的项目,不能修改%1的。</translation>
    </message>
</context>
<context>
    <name>IPDesk::ProjectTableModel</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1(%2)</translation>
    </message>
</context>
<context>
    <name>IPDesk::RankingModel</name>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Weighted completion</source>
        <translation>加权完成率</translation>
    </message>
    <message>
        <source>Efficacy score</source>
        <translation>功效系数得分</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time pace</source>
        <translation>序时进度</translation>
    </message>
    <message>
        <source>Annual target</source>
        <translation>全年目标</translation>
    </message>
</context>
<context>
    <name>IPDesk::ReportExtractor</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1:%2</translation>
    </message>
    <message>
        <source>%1 is %2 MB; reports larger than %3 MB are not read.</source>
        <translation>%1 有 %2 MB;超过 %3 MB 的报道不予读取。</translation>
    </message>
</context>
<context>
    <name>IPDesk::ReportImporter</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1:%2</translation>
    </message>
    <message>
        <source>%1 is %2 MB; reports larger than %3 MB are not read.</source>
        <translation>%1 有 %2 MB;超过 %3 MB 的报道不予读取。</translation>
    </message>
    <message>
        <source>The text is empty.</source>
        <translation>文字为空。</translation>
    </message>
    <message>
        <source>No figures were found in %1.</source>
        <translation>在“%1”中没有找到数据。</translation>
    </message>
    <message>
        <source>%1 was imported before.</source>
        <translation>“%1”此前已导入。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was stored.</source>
        <translation>导入已取消;未保存任何内容。</translation>
    </message>
    <message>
        <source>From the report &quot;%1&quot;: %2</source>
        <translation>来自报道“%1”:%2</translation>
    </message>
    <message>
        <source>The unit %1 could not be made.</source>
        <translation>无法新建单位 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%1 states no year: give the year of its %n figure(s) before storing.</source>
        <translation>
            <numerusform>“%1”未写明年份:请先填写其 %n 条数据的年份再保存。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 names no unit: choose the unit of its %n figure(s) before storing.</source>
        <translation>
            <numerusform>“%1”未写明单位:请先选择其 %n 条数据的单位再保存。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IPDesk::SplitTargetDialog</name>
    <message>
        <source>Split the target of %1</source>
        <translation>分解%1的目标</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1,%2:%3</translation>
    </message>
    <message>
        <source>The parts add up to the target.</source>
        <translation>分解数之和与目标一致。</translation>
    </message>
    <message>
        <source>Still to give out: %1</source>
        <translation>尚待分解:%1</translation>
    </message>
    <message>
        <source>The parts exceed the target by %1.</source>
        <translation>分解数之和超出目标 %1。</translation>
    </message>
</context>
<context>
    <name>IPDesk::StoredFactsModel</name>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target / actual</source>
        <translation>目标/实绩</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>限定</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>(entered by hand)</source>
        <translation>(手工录入)</translation>
    </message>
</context>
<context>
    <name>IPDesk::TableExporter</name>
    <message>
        <source>%1 cannot be written.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Tables are written as .csv or .xlsx; &quot;%1&quot; is neither.</source>
        <translation>表格只能导出为 .csv 或 .xlsx;“%1”都不是。</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1:%2</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>无法写入 %1:%2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1(%2)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>限定</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Target / actual</source>
        <translation>目标/实绩</translation>
    </message>
</context>
<context>
    <name>IPDesk::TableImportDialog</name>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标任务</translation>
    </message>
    <message>
        <source>Reported figures</source>
        <translation>报道数据</translation>
    </message>
    <message>
        <source>Import as:</source>
        <translation>导入为:</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表:</translation>
    </message>
    <message>
        <source>Amounts without a unit in their header are in:</source>
        <translation>表头未注明单位的金额按:</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Column of the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Check all rows</source>
        <translation>检查所有行</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>保存列对应</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>(the only one)</source>
        <translation>(唯一一张)</translation>
    </message>
    <message>
        <source>%1; headers in row %2.</source>
        <translation>%1;表头在第 %2 行。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(无)</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Planned investment (100M yuan)</source>
        <translation>计划总投资(亿元)</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>Checking rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 rows to add, %2 to update; %3 rows have problems and will be skipped unless you fix the file.</source>
        <translation>新增 %1 行,更新 %2 行;%3 行有问题,除非修改文件,否则将跳过。</translation>
    </message>
    <message>
        <source>%1 rows to add, %2 to update; no problems.</source>
        <translation>新增 %1 行,更新 %2 行;没有问题。</translation>
    </message>
    <message>
        <source>Rows with problems</source>
        <translation>有问题的行</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have problems. Import the other rows and skip these?</source>
        <translation>
            <numerusform>%n 行有问题。导入其余各行并跳过这些行吗?</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>未导入任何内容</translation>
    </message>
</context>
<context>
    <name>IPDesk::TableImporter</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Investor</source>
        <translation>投资方</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>产业</translation>
    </message>
    <message>
        <source>Industry chain</source>
        <translation>产业链</translation>
    </message>
    <message>
        <source>Planned investment</source>
        <translation>计划总投资</translation>
    </message>
    <message>
        <source>Signed investment</source>
        <translation>签约额</translation>
    </message>
    <message>
        <source>Funds in place</source>
        <translation>到位资金</translation>
    </message>
    <message>
        <source>Expected annual output</source>
        <translation>预计年产值</translation>
    </message>
    <message>
        <source>Expected annual tax</source>
        <translation>预计年税收</translation>
    </message>
    <message>
        <source>Manufacturing</source>
        <translation>制造业</translation>
    </message>
    <message>
        <source>Source channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Lead officer</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Lead on</source>
        <translation>线索日期</translation>
    </message>
    <message>
        <source>Negotiating since</source>
        <translation>在谈日期</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>注册日期</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>开工日期</translation>
    </message>
    <message>
        <source>Operating since</source>
        <translation>投产日期</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>限定</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Target / actual</source>
        <translation>目标/实绩</translation>
    </message>
    <message>
        <source>The mapping names a column &quot;%1&quot; that the file does not have.</source>
        <translation>列对应中有文件里没有的列“%1”。</translation>
    </message>
    <message>
        <source>%1 has no rows.</source>
        <translation>%1 没有数据行。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a clear number: write 1.5 for one and a half (or 1,500 with thousands).</source>
        <translation>“%1”不是明确的数字:一点五请写 1.5(千分位请写 1,500)。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number.</source>
        <translation>“%1”不是数字。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date with a year: write 2023-05-01, 2023/5/1 or 2023年5月1日.</source>
        <translation>“%1”不是含年份的日期:请写 2023-05-01、2023/5/1 或 2023年5月1日。</translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>The project has no name.</source>
        <translation>项目没有名称。</translation>
    </message>
    <message>
        <source>No responsible unit.</source>
        <translation>没有责任单位。</translation>
    </message>
    <message>
        <source>No unit of this name in the desk.</source>
        <translation>工作台中没有这个单位。</translation>
    </message>
    <message>
        <source>Not a stage: use 线索, 在谈, 签约, 注册, 开工, 投产, 搁置 or 终止.</source>
        <translation>不是项目阶段:请用 线索、在谈、签约、注册、开工、投产、搁置 或 终止。</translation>
    </message>
    <message>
        <source>Not a project type: use 新建, 增资扩产 or 搬迁.</source>
        <translation>不是项目类型:请用 新建、增资扩产 或 搬迁。</translation>
    </message>
    <message>
        <source>Write 是 or 否.</source>
        <translation>请填写 是 或 否。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was stored.</source>
        <translation>导入已取消;未保存任何内容。</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行:%2</translation>
    </message>
    <message>
        <source>Not a year.</source>
        <translation>不是年份。</translation>
    </message>
    <message>
        <source>Not a metric of metrics.tsv.</source>
        <translation>不是指标表中的指标。</translation>
    </message>
    <message>
        <source>Not a value.</source>
        <translation>不是数值。</translation>
    </message>
    <message>
        <source>Not a period: FY, YTD, Q1..Q4, H1, H2, M01..M12 or M01-M05.</source>
        <translation>不是时段:FY、YTD、Q1..Q4、H1、H2、M01..M12 或 M01-M05。</translation>
    </message>
</context>
<context>
    <name>IPDesk::TableSource</name>
    <message>
        <source>There is no file %1.</source>
        <translation>没有文件 %1。</translation>
    </message>
    <message>
        <source>%1 is an old Excel/WPS workbook; save it as .xlsx or .csv and import that.</source>
        <translation>%1 是旧版 Excel/WPS 工作簿;请另存为 .xlsx 或 .csv 后再导入。</translation>
    </message>
</context>
<context>
    <name>IPDesk::TargetsDialog</name>
    <message>
        <source>Targets</source>
        <translation>目标任务</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度:</translation>
    </message>
    <message>
        <source>Add target…</source>
        <translation>新增目标…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Copy last year&apos;s…</source>
        <translation>沿用上年目标…</translation>
    </message>
    <message>
        <source>Split over units…</source>
        <translation>分解到单位…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>限定</translation>
    </message>
    <message>
        <source>Double-click a target to change it. Money targets are in 100M yuan (亿元).</source>
        <translation>双击目标可修改。金额类目标以亿元计。</translation>
    </message>
    <message>
        <source>Target not changed</source>
        <translation>目标未修改</translation>
    </message>
    <message>
        <source>A target must be a number greater than zero.</source>
        <translation>目标必须是大于零的数。</translation>
    </message>
    <message>
        <source>Change target</source>
        <translation>修改目标</translation>
    </message>
    <message>
        <source>Add target</source>
        <translation>新增目标</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位:</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>指标:</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>目标:</translation>
    </message>
    <message>
        <source>Qualifier:</source>
        <translation>限定:</translation>
    </message>
    <message>
        <source>Target not added</source>
        <translation>目标未新增</translation>
    </message>
    <message>
        <source>A target must be greater than zero.</source>
        <translation>目标值必须大于零。</translation>
    </message>
    <message>
        <source>Remove target</source>
        <translation>删除目标</translation>
    </message>
    <message>
        <source>Copy last year&apos;s targets</source>
        <translation>沿用上年目标</translation>
    </message>
    <message>
        <source>Growth over %1 in percent (保持10%以上增长 is 10):</source>
        <translation>比 %1 年增长的百分比(保持10%以上增长即填 10):</translation>
    </message>
    <message>
        <source>Nothing to copy</source>
        <translation>没有可沿用的目标</translation>
    </message>
    <message>
        <source>%1 has no targets that %2 does not have already.</source>
        <translation>%1 年的目标 %2 年都已有了。</translation>
    </message>
    <message numerus="yes">
        <source>Copy %n target(s) from last year</source>
        <translation>
            <numerusform>沿用上年 %n 项目标</numerusform>
        </translation>
    </message>
    <message>
        <source>Split over units</source>
        <translation>分解到单位</translation>
    </message>
    <message>
        <source>Pick the target to split first.</source>
        <translation>请先选中要分解的目标。</translation>
    </message>
    <message>
        <source>%1 has no units below it.</source>
        <translation>%1 没有下属单位。</translation>
    </message>
    <message>
        <source>Split target of %1</source>
        <translation>分解%1的目标</translation>
    </message>
</context>
<context>
    <name>IPDesk::TeamUsersDialog</name>
    <message>
        <source>Team Accounts</source>
        <translation>团队账号</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Writes for</source>
        <translation>可修改单位</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>required for a new account; empty keeps the old one</source>
        <translation>新账号必填;留空则沿用原密码</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>登录名(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>角色(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Save Account</source>
        <translation>保存账号(&amp;S)</translation>
    </message>
    <message>
        <source>Stop the &amp;Selected Account</source>
        <translation>停用所选账号(&amp;S)</translation>
    </message>
    <message>
        <source>(all units)</source>
        <translation>(全部单位)</translation>
    </message>
    <message>
        <source>The account was not saved</source>
        <translation>账号未保存</translation>
    </message>
    <message>
        <source>Stop account</source>
        <translation>停用账号</translation>
    </message>
    <message>
        <source>Stop the account %1? It can no longer sign in; its past changes stay in the change log.</source>
        <translation>停用账号 %1?停用后无法登录;其以往修改仍保留在修改记录中。</translation>
    </message>
    <message>
        <source>The account was not changed</source>
        <translation>账号未修改</translation>
    </message>
</context>
<context>
    <name>IPDesk::TextDecoder</name>
    <message>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <source>The file is %1 MB; reports larger than %2 MB are not read.</source>
        <translation>文件有 %1 MB;超过 %2 MB 的报道不予读取。</translation>
    </message>
    <message>
        <source>The file is not a text report (it looks like a binary file).</source>
        <translation>该文件不是文字报道(看起来是二进制文件)。</translation>
    </message>
    <message>
        <source>The file is neither UTF-8, UTF-16 nor GB18030/GBK text; its encoding cannot be told.</source>
        <translation>该文件既不是 UTF-8、UTF-16,也不是 GB18030/GBK 文字,无法识别其编码。</translation>
    </message>
</context>
<context>
    <name>IPDesk::UnitTreeModel</name>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
</context>
<context>
    <name>IPDesk::XlsxSource</name>
    <message>
        <source>%1 is protected with a password (or is an old .xls file); remove the password in Excel or WPS and save it as .xlsx.</source>
        <translation>%1 设有密码(或是旧版 .xls 文件);请在 Excel 或 WPS 中去掉密码并另存为 .xlsx。</translation>
    </message>
    <message>
        <source>%1 is not a readable XLSX workbook (it may be damaged or cut short).</source>
        <translation>%1 不是可读的 XLSX 工作簿(可能已损坏或不完整)。</translation>
    </message>
    <message>
        <source>%1 is not an XLSX workbook: it has no xl/workbook.xml.</source>
        <translation>%1 不是 XLSX 工作簿:缺少 xl/workbook.xml。</translation>
    </message>
    <message>
        <source>%1 is damaged: %2</source>
        <translation>%1 已损坏:%2</translation>
    </message>
    <message>
        <source>%1 has no sheets.</source>
        <translation>%1 没有工作表。</translation>
    </message>
    <message>
        <source>There is no sheet %1.</source>
        <translation>没有第 %1 张工作表。</translation>
    </message>
    <message>
        <source>The sheet %1 is missing from the workbook.</source>
        <translation>工作簿中缺少工作表 %1。</translation>
    </message>
    <message>
        <source>The sheet %1 cannot be read.</source>
        <translation>无法读取工作表 %1。</translation>
    </message>
    <message>
        <source>The sheet %1 is damaged: %2</source>
        <translation>工作表 %1 已损坏:%2</translation>
    </message>
    <message>
        <source>The sheet is damaged: %1</source>
        <translation>工作表已损坏:%1</translation>
    </message>
    <message>
        <source>The workbook is damaged or cut short.</source>
        <translation>工作簿已损坏或不完整。</translation>
    </message>
    <message>
        <source>XLSX, sheet %1</source>
        <translation>XLSX,工作表 %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>IPDesk, the investment-promotion desk</source>
        <translation>招商工作台</translation>
    </message>
    <message>
        <source>Fill a new desk with the demo data.</source>
        <translation>在新工作台中填入演示数据。</translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE and quit.</source>
        <translation>把窗口截图保存到 FILE 后退出。</translation>
    </message>
    <message>
        <source>Open the import dialog on a report, CSV or XLSX FILE (may be repeated).</source>
        <translation>打开导入对话框读取报道、CSV 或 XLSX 文件 FILE(可重复)。</translation>
    </message>
    <message>
        <source>The desk file to open, or a team database: postgresql://user@host:port/database</source>
        <translation>要打开的工作台文件,或团队数据库:postgresql://用户@主机:端口/数据库</translation>
    </message>
    <message>
        <source>The desk to open (as the positional argument).</source>
        <translation>要打开的工作台(同位置参数)。</translation>
    </message>
    <message>
        <source>Open on a tab: pipeline, progress, figures, activities or changes.</source>
        <translation>打开时显示的页签:pipeline、progress、figures、activities 或 changes。</translation>
    </message>
</context>
</TS>
