<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>--%1 needs a value</source>
        <translation>--%1 需要一个值</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>未知选项 %1</translation>
    </message>
    <message>
        <source>-o needs a file</source>
        <translation>-o 需要一个文件名</translation>
    </message>
    <message>
        <source>Note: a password in the address can be read by other users of this computer (in the list of running programs). Leave it out: it is then read from PGPASSWORD or ~/.pgpass.</source>
        <translation>注意:写在地址中的密码,本机其他用户可以在运行程序列表中看到。请不要写在地址中:程序会从 PGPASSWORD 或 ~/.pgpass 读取。</translation>
    </message>
    <message>
        <source>No password on the standard input.</source>
        <translation>标准输入中没有密码。</translation>
    </message>
    <message>
        <source>Password of the new account: </source>
        <translation>新账号的密码:</translation>
    </message>
    <message>
        <source>The same password again: </source>
        <translation>再输入一次密码:</translation>
    </message>
    <message>
        <source>No password was given.</source>
        <translation>没有输入密码。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>demo needs --db PATH</source>
        <translation>demo 需要 --db 路径</translation>
    </message>
    <message>
        <source>%1 exists already; the demo is written only to a new file.</source>
        <translation>%1 已存在;演示数据只写入新文件。</translation>
    </message>
    <message>
        <source>Demo desk written to %1: %2 units, %3 projects.</source>
        <translation>演示工作台已写入 %1:%2 个单位,%3 个项目。</translation>
    </message>
    <message>
        <source>extract needs at least one report file</source>
        <translation>extract 至少需要一个报道文件</translation>
    </message>
    <message>
        <source>import-report needs at least one report file</source>
        <translation>import-report 至少需要一个报道文件</translation>
    </message>
    <message>
        <source>--year needs a year such as 2024</source>
        <translation>--year 需要年份,如 2024</translation>
    </message>
    <message numerus="yes">
        <source>%1 states no year: %n figure(s) left out (give --year).</source>
        <translation>
            <numerusform>“%1”未写明年份:%n 条数据未导入(请用 --year 给出)。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 names no unit: %n figure(s) left out (give --unit).</source>
        <translation>
            <numerusform>“%1”未写明单位:%n 条数据未导入(请用 --unit 给出)。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stored %1 facts from %2 reports (%3 replaced, %4 new units, %5 reports skipped).</source>
        <translation>已从 %2 篇报道保存 %1 条数据(替换 %3 条,新增单位 %4 个,跳过报道 %5 篇)。</translation>
    </message>
    <message>
        <source>%1 needs --year YYYY</source>
        <translation>%1 需要 --year 年份</translation>
    </message>
    <message>
        <source>--as-of needs a date as YYYY-MM-DD</source>
        <translation>--as-of 需要 YYYY-MM-DD 格式的日期</translation>
    </message>
    <message>
        <source>There are no targets and no figures for %1.</source>
        <translation>%1 年没有目标,也没有数据。</translation>
    </message>
    <message>
        <source>bulletin needs -o FILE.pdf</source>
        <translation>bulletin 需要 -o 文件.pdf</translation>
    </message>
    <message>
        <source>Bulletin of %1 for %2 as of %3 written to %4.</source>
        <translation>%1 %2 年通报(截至 %3)已写入 %4。</translation>
    </message>
    <message>
        <source>--kind is projects, targets or facts</source>
        <translation>--kind 只能是 projects、targets 或 facts</translation>
    </message>
    <message>
        <source>import needs one CSV or XLSX file</source>
        <translation>import 需要一个 CSV 或 XLSX 文件</translation>
    </message>
    <message>
        <source>The mapping %1 cannot be read.</source>
        <translation>无法读取列对应文件 %1。</translation>
    </message>
    <message>
        <source>row %1, %2 &quot;%3&quot;: %4</source>
        <translation>第 %1 行,%2“%3”:%4</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have problems; nothing was stored. Fix them, or pass --skip-invalid to store the others.</source>
        <translation>
            <numerusform>%n 行有问题;未保存任何内容。请修改,或加 --skip-invalid 保存其余各行。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 added, %3 updated, %4 unchanged, %5 skipped.</source>
        <translation>%1:新增 %2,更新 %3,未变 %4,跳过 %5。</translation>
    </message>
    <message>
        <source>export needs -o FILE.csv or FILE.xlsx</source>
        <translation>export 需要 -o 文件.csv 或 文件.xlsx</translation>
    </message>
    <message>
        <source>Written to %1.</source>
        <translation>已写入 %1。</translation>
    </message>
    <message>
        <source>migrate needs --from DESK and --to DESK</source>
        <translation>migrate 需要 --from 工作台 和 --to 工作台</translation>
    </message>
    <message>
        <source>%1 exists already; a desk is moved only into a new file or an empty team database.</source>
        <translation>%1 已存在;工作台只能迁入新文件或空的团队数据库。</translation>
    </message>
    <message>
        <source>copied %1 of %2 records</source>
        <translation>已复制 %1/%2 条记录</translation>
    </message>
    <message>
        <source>Moved %1 to %2: %3 units, %4 projects.</source>
        <translation>已把 %1 迁到 %2:%3 个单位,%4 个项目。</translation>
    </message>
    <message>
        <source>user add needs a LOGIN and --role admin, officer or viewer</source>
        <translation>user add 需要登录名和 --role admin、officer 或 viewer</translation>
    </message>
    <message>
        <source>There is no unit %1 on this desk.</source>
        <translation>本工作台没有单位 %1。</translation>
    </message>
    <message>
        <source>--password is not taken: other users of this computer could read it in the list of running programs. Leave it out and type the password when asked, or give it on the standard input.</source>
        <translation>不接受 --password:本机其他用户可以在运行程序列表中看到它。请去掉该选项,在提示时输入密码,或从标准输入提供。</translation>
    </message>
    <message>
        <source>Account %1 saved.</source>
        <translation>账号 %1 已保存。</translation>
    </message>
    <message>
        <source>Account %1 removed.</source>
        <translation>账号 %1 已停用。</translation>
    </message>
    <message>
        <source>user needs list, add or remove</source>
        <translation>user 需要 list、add 或 remove</translation>
    </message>
    <message>
        <source>unknown command %1</source>
        <translation>未知命令 %1</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>无目标</translation>
    </message>
    <message>
        <source>weighted %1%</source>
        <translation>加权 %1%</translation>
    </message>
    <message>
        <source>efficacy %1</source>
        <translation>功效系数 %1</translation>
    </message>
    <message>
        <source>%1 cannot be replaced.</source>
        <translation>%1 无法替换。</translation>
    </message>
    <message>
        <source>read as %1; the encoding is not certain (also possible: %2)</source>
        <translation>按 %1 读取;编码不能确定(也可能是:%2)</translation>
    </message>
    <message>
        <source>usage: ipdesk-cli COMMAND [--db PATH] [options]
commands:
  demo --db PATH                 create a demo desk from the sample reports
  projects [--json]              list the project pipeline
  extract FILE...                print the facts found in reports as JSON Lines
  import-report FILE... [--year Y] [--unit NAME]
                                 extract and store facts with their reports (accept all);
                                 --year and --unit for reports that state none
  progress --year Y [--as-of DATE] [--json]
                                 each unit&apos;s actual against its target: completion, pace, status
  import --kind projects|targets|facts FILE [--mapping FILE.json] [--skip-invalid]
                                 import a CSV or XLSX table
  export --kind projects|targets|facts -o FILE [--gb18030]
                                 write CSV or XLSX, by the file&apos;s ending
  bulletin --year Y [--as-of DATE] -o FILE.pdf
                                 the ranking bulletin with its charts, as the window exports it
  ranking --year Y [--as-of DATE] [--json]
                                 the bulletin&apos;s ranking: rank, weighted completion, efficacy score, status
  migrate --from DESK --to DESK  copy a whole desk into an empty one in one transaction,
                                 e.g. desk.sqlite to postgresql://user@host/db and back
  user list | user add LOGIN --role admin|officer|viewer [--unit NAME]
                                 (the password is asked for, or read from the standard input)
       | user remove LOGIN       accounts of a team database (administrators only)
  returns --year Y --month M [--json]
                                 each unit&apos;s monthly return: state, deadline, overdue, opinion
  return submit|approve|reopen|send-back --unit NAME --year Y --month M [--opinion TEXT]
                                 move a unit&apos;s monthly return on (send-back needs the opinion)
  tasks [--json]                 follow-up tasks: unit, project, what, due, state
PATH may be a team database: postgresql://user[:password]@host[:port]/database;
a password not in the address is read from PGPASSWORD or ~/.pgpass.
</source>
        <translation>用法:ipdesk-cli 命令 [--db 路径] [选项]
命令:
  demo --db 路径                 用样例报道新建演示工作台
  projects [--json]              列出项目库
  extract 文件...                以 JSON Lines 输出报道中的数据
  import-report 文件... [--year 年] [--unit 单位]
                                 提取并保存报道中的数据(全部接受);
                                 报道未写明年份或单位时用 --year 和 --unit 给出
  progress --year 年 [--as-of 日期] [--json]
                                 各单位对照目标的完成情况:完成率、序时进度、红黄绿
  import --kind projects|targets|facts 文件 [--mapping 文件.json] [--skip-invalid]
                                 导入 CSV 或 XLSX 表格
  export --kind projects|targets|facts -o 文件 [--gb18030]
                                 按文件扩展名写出 CSV 或 XLSX
  bulletin --year 年 [--as-of 日期] -o 文件.pdf
                                 含图表的排名通报,与窗口导出的相同
  ranking --year 年 [--as-of 日期] [--json]
                                 通报中的排名:名次、加权完成率、功效系数得分、红黄绿
  migrate --from 工作台 --to 工作台
                                 在一个事务中把整个工作台复制到空工作台,
                                 如从 desk.sqlite 迁到 postgresql://用户@主机/库,或迁回
  user list | user add 登录名 --role admin|officer|viewer [--unit 单位]
                                 (密码在提示时输入,或从标准输入读取)
       | user remove 登录名      团队数据库的账号(仅管理员)
  returns --year 年 --month 月 [--json]
                                 各单位的月报:状态、报送期限、是否逾期、审核意见
  return submit|approve|reopen|send-back --unit 单位 --year 年 --month 月 [--opinion 意见]
                                 报送、审核通过、重新打开或退回某单位的月报(退回须附审核意见)
  tasks [--json]                 督办事项:单位、项目、事项、期限、状态
路径也可以是团队数据库:postgresql://用户[:密码]@主机[:端口]/数据库;
地址中没有密码时,从 PGPASSWORD 或 ~/.pgpass 读取。
</translation>
    </message>
    <message>
        <source>%1 needs --year YYYY and --month 1-12</source>
        <translation>%1 需要 --year 年份 和 --month 1-12</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>期限 %1</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>return needs submit, approve, reopen or send-back</source>
        <translation>return 需要 submit、approve、reopen 或 send-back</translation>
    </message>
    <message>
        <source>return %1 needs --unit NAME</source>
        <translation>return %1 需要 --unit 单位</translation>
    </message>
    <message>
        <source>return send-back needs --opinion TEXT: what the unit is to correct</source>
        <translation>return send-back 需要 --opinion 意见:写明该单位需更正什么</translation>
    </message>
    <message>
        <source>The return of %1 for %2 is now %3.</source>
        <translation>%1 %2月报现为:%3。</translation>
    </message>
    <message>
        <source>read as %1; the encoding is not certain</source>
        <translation>按 %1 读取;编码不能确定</translation>
    </message>
</context>
<context>
    <name>IPDesk::ActivitiesView</name>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度:</translation>
    </message>
    <message>
        <source>Add activity…</source>
        <translation>新增活动…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Led by a principal leader</source>
        <translation>主要领导带队</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Companies met</source>
        <translation>对接企业</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1(%2)</translation>
    </message>
    <message>
        <source>Edit activity</source>
        <translation>编辑活动</translation>
    </message>
    <message>
        <source>Add activity</source>
        <translation>新增活动</translation>
    </message>
    <message>
        <source>Led by a principal leader (主要领导带队)</source>
        <translation>主要领导带队</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>单位:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型:</translation>
    </message>
    <message>
        <source>Places:</source>
        <translation>地点:</translation>
    </message>
    <message>
        <source>Companies met:</source>
        <translation>对接企业:</translation>
    </message>
    <message>
        <source>Number of companies:</source>
        <translation>企业数:</translation>
    </message>
    <message>
        <source>Projects touched:</source>
        <translation>涉及项目:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注:</translation>
    </message>
</context>
<context>
    <name>IPDesk::ActivityStore</name>
    <message>
        <source>Investment-seeking trip</source>
        <translation>外出招商</translation>
    </message>
    <message>
        <source>Company visit</source>
        <translation>考察拜访企业</translation>
    </message>
    <message>
        <source>Delegation received</source>
        <translation>接待客商来访</translation>
    </message>
    <message>
        <source>Promotion event</source>
        <translation>招商推介活动</translation>
    </message>
    <message>
        <source>Signing ceremony</source>
        <translation>签约仪式</translation>
    </message>
    <message>
        <source>An activity needs a unit.</source>
        <translation>活动需要单位。</translation>
    </message>
    <message>
        <source>An activity needs a date.</source>
        <translation>活动需要日期。</translation>
    </message>
    <message>
        <source>The number of companies cannot be negative.</source>
        <translation>企业数不能为负数。</translation>
    </message>
    <message>
        <source>Add activity</source>
        <translation>新增活动</translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>Edit activity</source>
        <translation>编辑活动</translation>
    </message>
    <message>
        <source>This activity was changed or deleted by someone else in the meantime; nothing was changed.</source>
        <translation>这条活动已被他人修改或删除;未作任何改动。</translation>
    </message>
</context>
<context>
    <name>IPDesk::BulletinSettingsDialog</name>
    <message>
        <source>Bulletin rules</source>
        <translation>通报规则</translation>
    </message>
    <message>
        <source>empty: linear by days; or 12 numbers, e.g. 5,5,10,8,8,10,8,8,10,8,8,12</source>
        <translation>留空:按天线性计算;或填 12 个数,如 5,5,10,8,8,10,8,8,10,8,8,12</translation>
    </message>
    <message>
        <source>Yellow from (points behind pace):</source>
        <translation>落后序时进度多少个百分点起亮黄灯:</translation>
    </message>
    <message>
        <source>Red from (points behind pace):</source>
        <translation>落后序时进度多少个百分点起亮红灯:</translation>
    </message>
    <message>
        <source>Monthly weights of the pace:</source>
        <translation>序时进度月度权重:</translation>
    </message>
    <message>
        <source>Ranking count metric:</source>
        <translation>排名数量指标:</translation>
    </message>
    <message>
        <source>Its weight (%):</source>
        <translation>权重(%):</translation>
    </message>
    <message>
        <source>Ranking amount metric:</source>
        <translation>排名金额指标:</translation>
    </message>
    <message>
        <source>Rules not saved</source>
        <translation>规则未保存</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number.</source>
        <translation>“%1”不是数字。</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Lead or negotiation stuck, yellow after (months):</source>
        <translation>线索或在谈停滞亮黄灯(月):</translation>
    </message>
    <message>
        <source>Lead or negotiation stuck, red after (months):</source>
        <translation>线索或在谈停滞亮红灯(月):</translation>
    </message>
    <message>
        <source>Signed, not registered, after:</source>
        <translation>签约未注册预警时限:</translation>
    </message>
    <message>
        <source>Registered, not started, after:</source>
        <translation>注册未开工预警时限:</translation>
    </message>
    <message>
        <source>Started, not operating, after:</source>
        <translation>开工未投产预警时限:</translation>
    </message>
    <message>
        <source>Count only the figures of approved monthly returns</source>
        <translation>通报只采用审核通过的月报数据</translation>
    </message>
    <message>
        <source>For every unit that reports to one above it, the bulletin and the progress view then use its latest approved return, and show no figure where there is none.</source>
        <translation>凡向上级报送月报的单位,通报和进度页均采用其最近一期审核通过的月报数据;没有已审核月报的,不显示数据。</translation>
    </message>
    <message>
        <source>Returns of towns, streets, departments due on the next month&apos;s:</source>
        <translation>镇街、部门月报报送期限(次月):</translation>
    </message>
    <message>
        <source>Returns of districts and counties due on the next month&apos;s:</source>
        <translation>区县月报报送期限(次月):</translation>
    </message>
    <message>
        <source>A new follow-up task is due after:</source>
        <translation>新建督办事项的办理期限:</translation>
    </message>
    <message>
        <source> (day)</source>
        <comment>a day of the month</comment>
        <translation> 日</translation>
    </message>
</context>
<context>
    <name>IPDesk::BulletinWriter</name>
    <message>
        <source>Page %1</source>
        <translation>第 %1 页</translation>
    </message>
    <message>
        <source>Investment Promotion Bulletin of %1</source>
        <translation>%1招商引资工作通报</translation>
    </message>
    <message>
        <source>%1, as of %2, time pace %3%</source>
        <translation>%1年,截至 %2,序时进度 %3%</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>比学赶超排名</translation>
    </message>
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
        <source>No target</source>
        <translation>无目标</translation>
    </message>
    <message>
        <source>Green: less than the yellow threshold behind the time pace; yellow and red as the bureau set them. Efficacy score: 60 + 40 × (value − lowest) / (highest − lowest), weighted like the completion.</source>
        <translation>绿灯:落后序时进度不到黄灯阈值;黄灯、红灯按本局设定的阈值。功效系数得分 = 60 + 40 × (本单位值 − 最低值)/(最高值 − 最低值),按完成率的权重加权。</translation>
    </message>
    <message>
        <source>Unit by unit</source>
        <translation>分单位情况</translation>
    </message>
    <message>
        <source>No targets and no figures for %1.</source>
        <translation>%1 年无目标、无数据。</translation>
    </message>
    <message>
        <source>Projects in one stage too long</source>
        <translation>停滞项目预警</translation>
    </message>
    <message>
        <source>%1 red, %2 yellow; the longest %3 of them:</source>
        <translation>红灯 %1 个,黄灯 %2 个;停滞最久的 %3 个:</translation>
    </message>
    <message>
        <source>%1 cannot be written: the folder is not writable.</source>
        <translation>无法写入 %1:文件夹不可写。</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1:%2</translation>
    </message>
    <message>
        <source>Monthly returns of %1</source>
        <translation>%1月报报送情况</translation>
    </message>
    <message>
        <source>%1 of %2 units&apos; returns are approved.</source>
        <translation>%2 个单位中已有 %1 个单位的月报审核通过。</translation>
    </message>
    <message>
        <source>The figures of this bulletin are those of approved returns only.</source>
        <translation>本通报数据仅采用已审核通过的月报。</translation>
    </message>
    <message>
        <source>Overdue follow-up tasks (%1)</source>
        <translation>逾期督办事项(%1 项)</translation>
    </message>
    <message>
        <source>%1 — %2 (due %3)</source>
        <translation>%1 — %2(期限 %3)</translation>
    </message>
    <message>
        <source>Due on day %1 of the next month from towns, streets and departments, on day %2 from districts and counties.</source>
        <translation>镇街、部门于次月 %1 日前报送,区县于次月 %2 日前报送。</translation>
    </message>
    <message>
        <source>Overdue, not submitted</source>
        <translation>逾期未报</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>退回待重报</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Not yet submitted</source>
        <translation>尚未报送</translation>
    </message>
    <message>
        <source>%1 (opinion: %2)</source>
        <translation>%1(审核意见:%2)</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1(%2 个):%3</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list of units</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>IPDesk::ChangeLogModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Report figure</source>
        <translation>报道数据</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>招商活动</translation>
    </message>
    <message>
        <source>Date %1</source>
        <translation>%1日期</translation>
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
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Qualifier</source>
        <translation>限定</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Parent unit</source>
        <translation>上级单位</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Project added</source>
        <translation>新增项目</translation>
    </message>
    <message>
        <source>Project deleted</source>
        <translation>删除项目</translation>
    </message>
    <message>
        <source>Target set</source>
        <translation>设定目标</translation>
    </message>
    <message>
        <source>Target removed</source>
        <translation>删除目标</translation>
    </message>
    <message>
        <source>Report figure stored</source>
        <translation>保存报道数据</translation>
    </message>
    <message>
        <source>Report figure removed</source>
        <translation>删除报道数据</translation>
    </message>
    <message>
        <source>Unit added</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <source>Unit removed</source>
        <translation>删除单位</translation>
    </message>
    <message>
        <source>Activity logged</source>
        <translation>登记活动</translation>
    </message>
    <message>
        <source>Activity removed</source>
        <translation>删除活动</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(空)</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>annual target</source>
        <translation>全年目标</translation>
    </message>
    <message>
        <source>%1 · %2 %3 · %4</source>
        <comment>unit, year, period, metric</comment>
        <translation>%1 · %2年%3 · %4</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>%1 →</source>
        <translation>%1 →</translation>
    </message>
    <message>
        <source>%1 (from “%2”)</source>
        <translation>%1(来自《%2》)</translation>
    </message>
    <message>
        <source>Monthly return</source>
        <translation>月报</translation>
    </message>
    <message>
        <source>Figure of a return</source>
        <translation>月报数据</translation>
    </message>
    <message>
        <source>Follow-up task</source>
        <translation>督办事项</translation>
    </message>
    <message>
        <source>Reply to a task</source>
        <translation>督办回复</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>督办内容</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>报送人</translation>
    </message>
    <message>
        <source>Submitted at</source>
        <translation>报送时间</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>Reviewed at</source>
        <translation>审核时间</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>year, month</comment>
        <translation>%1年%2</translation>
    </message>
    <message>
        <source>Return of %1 · %2</source>
        <translation>%1 · %2月报</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Return started</source>
        <translation>开始填报月报</translation>
    </message>
    <message>
        <source>Return removed</source>
        <translation>删除月报</translation>
    </message>
    <message>
        <source>Figure of a return written</source>
        <translation>填写月报数据</translation>
    </message>
    <message>
        <source>Figure of a return removed</source>
        <translation>删除月报数据</translation>
    </message>
    <message>
        <source>Follow-up task assigned</source>
        <translation>下发督办</translation>
    </message>
    <message>
        <source>Follow-up task removed</source>
        <translation>删除督办事项</translation>
    </message>
    <message>
        <source>Reply removed</source>
        <translation>删除回复</translation>
    </message>
</context>
<context>
    <name>IPDesk::ChangeLogView</name>
    <message>
        <source>All records</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Search old and new values</source>
        <translation>搜索修改前后的值</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>操作人:</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>记录:</translation>
    </message>
    <message>
        <source>Since:</source>
        <translation>起始日期:</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
</context>
<context>
    <name>IPDesk::ChartPainter</name>
    <message>
        <source>Weighted completion of %1 and %2 by unit</source>
        <translation>各单位%1与%2加权完成率</translation>
    </message>
    <message>
        <source>%1 of %2 by month, cumulative</source>
        <translation>%2 %1逐月累计</translation>
    </message>
    <message>
        <source>Project pipeline by stage</source>
        <translation>项目各阶段分布</translation>
    </message>
    <message>
        <source>Signed investment by industry</source>
        <translation>签约额产业构成</translation>
    </message>
    <message>
        <source>No unit of %1 has targets for %2 and %3 in %4.</source>
        <translation>%1下属单位 %4 年均未设定%2和%3目标。</translation>
    </message>
    <message>
        <source>Time pace %1%</source>
        <translation>序时进度 %1%</translation>
    </message>
    <message>
        <source>Annual target 100%</source>
        <translation>全年目标 100%</translation>
    </message>
    <message>
        <source>No %1 recorded in the pipeline for %2 yet.</source>
        <translation>项目库中尚无 %2 年的%1。</translation>
    </message>
    <message>
        <source>%1 mo</source>
        <translation>%1月</translation>
    </message>
    <message>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>Target at time pace</source>
        <translation>序时目标</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1:%2个,%3</translation>
    </message>
    <message>
        <source>No project was signed in %1 up to %2.</source>
        <translation>%1 年截至 %2 尚无签约项目。</translation>
    </message>
    <message>
        <source>%1 %2 (%3%)</source>
        <translation>%1 %2(%3%)</translation>
    </message>
    <message>
        <source>%1 cannot be written.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Charts are written as PDF, SVG or PNG; &quot;%1&quot; is none of them.</source>
        <translation>图表只能导出为 PDF、SVG 或 PNG;“%1”都不是。</translation>
    </message>
    <message>
        <source>signed, not registered</source>
        <translation>签约未注册</translation>
    </message>
    <message>
        <source>registered, not started</source>
        <translation>注册未开工</translation>
    </message>
    <message>
        <source>started, not operating</source>
        <translation>开工未投产</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>处于%1阶段</translation>
    </message>
    <message>
        <source>%1 (%2): %3 since %4, %5 days (limit %6)</source>
        <translation>%1(%2):自 %4 起%3,已 %5 天(时限 %6 天)</translation>
    </message>
    <message>
        <source>%1 (%2): %3 since %4, %5 days</source>
        <translation>%1(%2):自 %4 起%3,已 %5 天</translation>
    </message>
    <message>
        <source>%1 (No. %2): weighted completion %3%</source>
        <translation>%1(第 %2 名):加权完成率 %3%</translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <translation>%1 %2%</translation>
    </message>
    <message>
        <source>efficacy score %1</source>
        <translation>功效系数得分 %1</translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1年:%2 %3</translation>
    </message>
    <message>
        <source>Target at time pace: %1 %2</source>
        <translation>序时进度目标:%1 %2</translation>
    </message>
    <message>
        <source>%1: %2 projects, %3</source>
        <translation>%1:%2 个项目,%3</translation>
    </message>
    <message>
        <source>, </source>
        <translation>,</translation>
    </message>
</context>
<context>
    <name>IPDesk::ChartWidget</name>
    <message>
        <source>Copy Chart</source>
        <translation>复制图表</translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation>导出图表…</translation>
    </message>
</context>
<context>
    <name>IPDesk::ConflictDialog</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(无)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(空)</translation>
    </message>
    <message>
        <source>Someone else changed %1</source>
        <translation>他人已修改%1</translation>
    </message>
    <message>
        <source>While you were editing, a newer version of &lt;b&gt;%1&lt;/b&gt; was saved. Choose for each field below which value to keep.</source>
        <translation>在您编辑期间,&lt;b&gt;%1&lt;/b&gt; 已被保存了更新的版本。请逐项选择保留哪个值。</translation>
    </message>
    <message>
        <source>While you were editing, &lt;b&gt;%1&lt;/b&gt; saved a newer version of &lt;b&gt;%2&lt;/b&gt; at %3. Choose for each field below which value to keep.</source>
        <translation>在您编辑期间,&lt;b&gt;%1&lt;/b&gt; 于 %3 保存了 &lt;b&gt;%2&lt;/b&gt; 的更新版本。请逐项选择保留哪个值。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Field&lt;/b&gt;</source>
        <translation>&lt;b&gt;字段&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Before&lt;/b&gt;</source>
        <translation>&lt;b&gt;原值&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Theirs&lt;/b&gt;</source>
        <translation>&lt;b&gt;他人的&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mine&lt;/b&gt;</source>
        <translation>&lt;b&gt;我的&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Their changes kept: %1</source>
        <translation>已保留他人的修改:%1</translation>
    </message>
    <message>
        <source>Your changes kept: %1</source>
        <translation>已保留您的修改:%1</translation>
    </message>
    <message>
        <source>Keep &amp;Theirs</source>
        <translation>保留他人的(&amp;T)</translation>
    </message>
    <message>
        <source>Save &amp;Mine</source>
        <translation>保存我的(&amp;M)</translation>
    </message>
    <message>
        <source>Save &amp;Merged</source>
        <translation>保存合并结果(&amp;M)</translation>
    </message>
</context>
<context>
    <name>IPDesk::ConnectDialog</name>
    <message>
        <source>Connect to Team Database</source>
        <translation>连接团队数据库</translation>
    </message>
    <message>
        <source>e.g. zhaoshang</source>
        <translation>如 zhaoshang</translation>
    </message>
    <message>
        <source>Encrypt when the server offers it</source>
        <translation>服务器支持时加密</translation>
    </message>
    <message>
        <source>Always encrypt (refuse servers without TLS)</source>
        <translation>始终加密(拒绝不支持 TLS 的服务器)</translation>
    </message>
    <message>
        <source>Encrypt and check the server&apos;s certificate</source>
        <translation>加密并校验服务器证书</translation>
    </message>
    <message>
        <source>Never encrypt</source>
        <translation>不加密</translation>
    </message>
    <message>
        <source>Keep the password in the system keyring</source>
        <translation>把密码保存在系统密钥环中</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S):</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Encryption:</source>
        <translation>加密(&amp;E):</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>The team desk lives on the bureau&apos;s PostgreSQL server. Ask its administrator for the address and your account.</source>
        <translation>团队工作台在本局的 PostgreSQL 服务器上。地址和账号请向管理员索取。</translation>
    </message>
</context>
<context>
    <name>IPDesk::CsvSource</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1:%2</translation>
    </message>
    <message>
        <source>%1 is empty.</source>
        <translation>%1 是空文件。</translation>
    </message>
    <message>
        <source>The file is not in one encoding: a part of it is neither %1 nor readable text.</source>
        <translation>文件编码不一致:有一部分既不是 %1,也不是可读的文字。</translation>
    </message>
    <message>
        <source>The file ends inside a quoted cell.</source>
        <translation>文件在引号内的单元格中结束。</translation>
    </message>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>CSV, %1, %2</source>
        <translation>CSV,%1,%2分隔</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>%1 is partly GBK and partly UTF-8; save it again in one encoding (UTF-8) and import that.</source>
        <translation>%1 部分为 GBK、部分为 UTF-8;请另存为同一种编码(UTF-8)后再导入。</translation>
    </message>
</context>
<context>
    <name>IPDesk::Database</name>
    <message>
        <source>The team database refused this change: your account may not write records of this unit or this kind. Nothing was changed.</source>
        <translation>团队数据库拒绝了这次修改:您的账号无权修改该单位或该类记录。未作任何改动。</translation>
    </message>
    <message>
        <source>The connection to the team database was lost; the change was not saved.</source>
        <translation>与团队数据库的连接已断开;修改未保存。</translation>
    </message>
    <message>
        <source>Another officer was saving the same records at the same moment; try again.</source>
        <translation>另一位同事正在同时保存相同的记录;请重试。</translation>
    </message>
    <message>
        <source>The desk is locked: another import or program is writing to it. Nothing was changed; try again when it has finished.</source>
        <translation>工作台已被锁定:另一个导入或程序正在写入。未做任何改动;请等它完成后再试。</translation>
    </message>
    <message>
        <source>The desk file is read-only; nothing was changed.</source>
        <translation>工作台文件是只读的;没有做任何改动。</translation>
    </message>
    <message>
        <source>Database error: %1</source>
        <translation>数据库错误:%1</translation>
    </message>
    <message>
        <source>%1 is a folder, not an IPDesk desk.</source>
        <translation>%1 是文件夹,不是招商工作台文件。</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1:%2</translation>
    </message>
    <message>
        <source>%1 is not an IPDesk desk (it is not a database file). The file was not changed.</source>
        <translation>%1 不是招商工作台文件(不是数据库文件)。文件未被改动。</translation>
    </message>
    <message>
        <source>%1 is damaged (the database check says: the file is %2 bytes shorter than its header records). It was not opened and not changed; open the latest backup copy, or send the file to your administrator to recover it.</source>
        <translation>%1 已损坏(数据库检查结果:文件比其文件头记录的短 %2 字节)。未打开,也未改动;请打开最近的备份副本,或把文件交给管理员修复。</translation>
    </message>
    <message>
        <source>%1 is read-only. Make it writable or open a copy; the file was not changed.</source>
        <translation>%1 是只读文件。请改为可写或打开副本;文件未被改动。</translation>
    </message>
    <message>
        <source>The folder %1 is read-only, and a desk keeps its journal files beside it. Copy the desk to a folder you can write to; the file was not changed.</source>
        <translation>文件夹 %1 是只读的,而工作台需要在同一文件夹中写日志文件。请把工作台复制到可写的文件夹;文件未改动。</translation>
    </message>
    <message>
        <source>There is no desk at %1.</source>
        <translation>%1 处没有工作台文件。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The desk %1 cannot be opened: %2</source>
        <translation>无法打开工作台 %1:%2</translation>
    </message>
    <message>
        <source>%1 is not an IPDesk desk.</source>
        <translation>%1 不是招商工作台文件。</translation>
    </message>
    <message>
        <source>%1 is a database of another program, not an IPDesk desk. The file was not changed.</source>
        <translation>%1 是其他程序的数据库,不是招商工作台文件。文件未被改动。</translation>
    </message>
    <message>
        <source>%1 was written by a newer IPDesk (desk format %2; this program reads up to %3). Update IPDesk to open it; the file was not changed.</source>
        <translation>%1 由更新版本的招商工作台写入(格式 %2;本程序最高只能读取 %3)。请升级招商工作台后再打开;文件未被改动。</translation>
    </message>
    <message>
        <source>%1 is damaged (the database check says: %2). It was not opened and not changed; open the latest backup copy, or send the file to your administrator to recover it.</source>
        <translation>%1 已损坏(数据库检查结果:%2)。未打开,也未改动;请打开最近的备份副本,或把文件交给管理员修复。</translation>
    </message>
    <message>
        <source>Another program made a file at %1 meanwhile; it was not changed.</source>
        <translation>另一个程序在此期间于 %1 建立了文件;该文件未被改动。</translation>
    </message>
    <message>
        <source>The new desk cannot be moved to %1.</source>
        <translation>新工作台无法移到 %1。</translation>
    </message>
    <message>
        <source>%1 is not a team database address. Write it as postgresql://user@host:port/database.</source>
        <translation>%1 不是团队数据库地址。请写成 postgresql://用户@主机:端口/数据库。</translation>
    </message>
    <message>
        <source>This installation cannot reach team databases: Qt&apos;s PostgreSQL driver (package libqt6sql6-psql) is missing.</source>
        <translation>本机无法连接团队数据库:缺少 Qt 的 PostgreSQL 驱动(软件包 libqt6sql6-psql)。</translation>
    </message>
    <message>
        <source>The team database at %1 refused the user name or password.</source>
        <translation>位于 %1 的团队数据库拒绝了用户名或密码。</translation>
    </message>
    <message>
        <source>There is no team database %1 on %2.</source>
        <translation>%2 上没有团队数据库 %1。</translation>
    </message>
    <message>
        <source>The team database at %1 cannot be reached: %2</source>
        <translation>无法连接位于 %1 的团队数据库:%2</translation>
    </message>
    <message>
        <source>The team database %1 has no desk in it yet.</source>
        <translation>团队数据库 %1 中还没有工作台。</translation>
    </message>
    <message>
        <source>The database %1 belongs to another program, not IPDesk. Nothing was changed.</source>
        <translation>数据库 %1 属于其他程序,不是招商工作台的。未作任何改动。</translation>
    </message>
    <message>
        <source>The team database %1 was set up by a newer IPDesk (desk format %2; this program reads up to %3). Update IPDesk to use it; nothing was changed.</source>
        <translation>团队数据库 %1 由更新版本的招商工作台建立(格式 %2;本程序最高支持 %3)。请升级后使用;未作任何改动。</translation>
    </message>
    <message>
        <source>The team database %1 is in desk format %2 and this IPDesk uses format %3. Ask its administrator to open it once with this IPDesk, which upgrades it; nothing was changed.</source>
        <translation>团队数据库 %1 为工作台格式 %2,本程序使用格式 %3。请管理员用本版本打开一次以完成升级;未作任何改动。</translation>
    </message>
    <message>
        <source>Ids are reserved in advance only on a team database.</source>
        <translation>只有团队数据库才能预先分配编号。</translation>
    </message>
    <message>
        <source>%1 exists and cannot be replaced.</source>
        <translation>%1 已存在且无法替换。</translation>
    </message>
    <message>
        <source>No transaction is open.</source>
        <translation>没有打开的事务。</translation>
    </message>
    <message>
        <source>The change could not be saved: %1</source>
        <translation>改动无法保存:%1</translation>
    </message>
    <message>
        <source>Both desks must be open to copy one into the other.</source>
        <translation>两个工作台都必须打开才能复制。</translation>
    </message>
    <message>
        <source>The desk %1 already has records. A desk is moved only into an empty one; nothing was changed.</source>
        <translation>工作台 %1 中已有记录。工作台只能迁入空工作台;未作任何改动。</translation>
    </message>
    <message>
        <source>Only an administrator of the team database can move a desk into it.</source>
        <translation>只有团队数据库的管理员才能把工作台迁入。</translation>
    </message>
    <message>
        <source>The copy was cancelled; nothing was changed.</source>
        <translation>复制已取消;未作任何改动。</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>招商专员</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>只读用户</translation>
    </message>
    <message>
        <source>Accounts belong to team databases; a personal desk has only its owner.</source>
        <translation>账号只属于团队数据库;个人工作台只有其本人。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a login: use lower-case letters, digits, _ . or -, starting with a letter.</source>
        <translation>“%1”不能作登录名:请用小写字母、数字、_ . 或 -,并以字母开头。</translation>
    </message>
    <message>
        <source>An officer needs a unit: the account writes that unit and the units below it.</source>
        <translation>招商专员需要所属单位:该账号可修改本单位及其下属单位。</translation>
    </message>
    <message>
        <source>Only an administrator manages accounts.</source>
        <translation>只有管理员可以管理账号。</translation>
    </message>
    <message>
        <source>A new account needs a password.</source>
        <translation>新账号需要密码。</translation>
    </message>
    <message>
        <source>There is no account %1 on this desk; nothing was changed.</source>
        <translation>此工作台没有账号 %1;未做任何改动。</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <source>%1 is in an older desk format (%2), which is read only after an upgrade; a damaged desk cannot be upgraded. Open the latest backup copy.</source>
        <translation>%1 是旧版工作台格式(%2),须先升级才能读取;已损坏的工作台无法升级。请打开最近的备份副本。</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes), not an IPDesk desk; the file was not changed. To start a desk, use File → New Desk.</source>
        <translation>%1 是空文件(0 字节),不是 IPDesk 工作台;文件未作改动。要新建工作台,请用“文件 → 新建工作台”。</translation>
    </message>
    <message>
        <source>%1 holds no desk; the file was not changed.</source>
        <translation>%1 中没有工作台;文件未作改动。</translation>
    </message>
</context>
<context>
    <name>IPDesk::DateText</name>
    <message>
        <source>&quot;%1&quot; is not a date: write 2023-03-15, 2023/3/15, 20230315, 2023年3月15日, or 3月15日 for this year.</source>
        <translation>“%1”不是日期:请写作 2023-03-15、2023/3/15、20230315、2023年3月15日,或写 3月15日 表示今年。</translation>
    </message>
</context>
<context>
    <name>IPDesk::DemoData</name>
    <message>
        <source>The demo data is missing from this build.</source>
        <translation>此版本缺少演示数据。</translation>
    </message>
    <message>
        <source>The demo data cannot be read: %1</source>
        <translation>无法读取演示数据:%1</translation>
    </message>
    <message>
        <source>The demo data goes only into an empty desk.</source>
        <translation>演示数据只能写入空的工作台。</translation>
    </message>
</context>
<context>
    <name>IPDesk::Desk</name>
    <message>
        <source>There is no connection to the team database. The change to %1 is kept and will be saved when the connection is back.</source>
        <translation>与团队数据库没有连接。对%1的修改已保留,连接恢复后保存。</translation>
    </message>
    <message>
        <source>No temporary folder for the copy: %1</source>
        <translation>无法为副本创建临时文件夹:%1</translation>
    </message>
    <message>
        <source>%1 cannot be copied to %2.</source>
        <translation>无法将 %1 复制到 %2。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1:%2</translation>
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
    <name>IPDesk::DocumentText</name>
    <message>
        <source>%1 is not a Word document, or it is damaged.</source>
        <translation>%1 不是 Word 文档,或已损坏。</translation>
    </message>
    <message>
        <source>%1 is a zip archive but not a Word document (.docx): there is no word/document.xml in it.</source>
        <translation>%1 是压缩包,但不是 Word 文档(.docx):其中没有 word/document.xml。</translation>
    </message>
    <message>
        <source>%1 is damaged: its text cannot be unpacked.</source>
        <translation>%1 已损坏:无法解压出其中的文字。</translation>
    </message>
    <message>
        <source>%1 inflates more than 200 times its stored size, which no document does (a zip bomb).</source>
        <translation>%1 解压后超过存储大小的 200 倍,正常文档不会如此(压缩炸弹)。</translation>
    </message>
    <message>
        <source>%1 is damaged: its text is not well-formed (%2).</source>
        <translation>%1 已损坏:其中的文字格式有误(%2)。</translation>
    </message>
    <message>
        <source>%1 holds no text.</source>
        <translation>%1 中没有文字。</translation>
    </message>
    <message>
        <source>%1 is a PDF. PDF reports are read with pdftotext, which is not installed (Debian: apt install poppler-utils); or copy its text into a .txt file and load that.</source>
        <translation>%1 是 PDF 文件。PDF 报道由 pdftotext 读取,但本机未安装(Debian:apt install poppler-utils);也可把文字复制到 .txt 文件后再载入。</translation>
    </message>
    <message>
        <source>%1 does not permit copying its text.</source>
        <translation>%1 不允许复制其中的文字。</translation>
    </message>
    <message>
        <source>%1 is damaged or locked with a password: its text cannot be read.</source>
        <translation>%1 已损坏或设有密码:无法读取其中的文字。</translation>
    </message>
    <message>
        <source>%1 has no text in it (a scanned page is a picture): copy its text into a .txt file, or ask for the document itself.</source>
        <translation>%1 中没有文字(扫描件是图片):请把文字复制到 .txt 文件,或索取原始文档。</translation>
    </message>
    <message>
        <source>%1 is an old Word or WPS document. Those are read with catdoc, which is not installed (Debian: apt install catdoc); or save it as .docx or .txt in Word or WPS and load that.</source>
        <translation>%1 是旧版 Word 或 WPS 文档,需用 catdoc 读取,但本机未安装(Debian:apt install catdoc);也可在 Word 或 WPS 中另存为 .docx 或 .txt 后再读取。</translation>
    </message>
    <message>
        <source>%1 is an old Word or WPS document whose text cannot be read (it may be damaged, locked with a password, or of a kind catdoc does not know); save it as .docx or .txt in Word or WPS and load that.</source>
        <translation>%1 是旧版 Word 或 WPS 文档,无法读出其文字(可能已损坏、设有密码,或为 catdoc 不认识的格式);请在 Word 或 WPS 中另存为 .docx 或 .txt 后再读取。</translation>
    </message>
</context>
<context>
    <name>IPDesk::FactReviewModel</name>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
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
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
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
        <source>Target / actual</source>
        <translation>目标/实绩</translation>
    </message>
    <message>
        <source>Stored now</source>
        <translation>已存数值</translation>
    </message>
    <message>
        <source>On conflict</source>
        <translation>冲突时</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>原句</translation>
    </message>
    <message>
        <source>read from the list it stands in</source>
        <translation>按所在列表读取</translation>
    </message>
    <message>
        <source>read from “%1”</source>
        <translation>依据“%1”读取</translation>
    </message>
    <message>
        <source>Doubtful (%1%): %2; check it against the sentence.</source>
        <translation>存疑(%1%):%2;请对照原句核实。</translation>
    </message>
    <message>
        <source>Sure (%1%): %2.</source>
        <translation>可信(%1%):%2。</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>请核实</translation>
    </message>
    <message>
        <source>(not named: choose)</source>
        <translation>(未写明,请选择)</translation>
    </message>
    <message>
        <source>%1 (new unit)</source>
        <translation>%1(新单位)</translation>
    </message>
    <message>
        <source>(not stated: give)</source>
        <translation>(未写明,请填写)</translation>
    </message>
    <message>
        <source> (to %1)</source>
        <translation>(截至 %1)</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Keep stored</source>
        <translation>保留已存</translation>
    </message>
</context>
<context>
    <name>IPDesk::FactStore</name>
    <message>
        <source>A target needs a unit, a year and a metric.</source>
        <translation>目标需要单位、年度和指标。</translation>
    </message>
    <message>
        <source>A target must be greater than zero.</source>
        <translation>目标值必须大于零。</translation>
    </message>
    <message>
        <source>A fact needs a unit, a year, a period and a metric.</source>
        <translation>数据需要单位、年度、时段和指标。</translation>
    </message>
    <message>
        <source>The %1 target of %2 for %3 was changed by someone else in the meantime (it is now %4). Nothing was changed; look at it again and make your change once more.</source>
        <translation>%2 %3 年的“%1”目标已被他人修改(现为 %4)。未作任何改动;请重新查看后再修改一次。</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设定</translation>
    </message>
</context>
<context>
    <name>IPDesk::FactsView</name>
    <message>
        <source>Figures read from reports. Double-click a row to see the sentence it came from.</source>
        <translation>从报道中读取的数据。双击一行可查看其出处原句。</translation>
    </message>
</context>
<context>
    <name>IPDesk::ImportReportDialog</name>
    <message>
        <source>Import reports</source>
        <translation>导入报道</translation>
    </message>
    <message>
        <source>Add to pipeline</source>
        <translation>加入项目库</translation>
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
        <source>Investment (100M yuan)</source>
        <translation>投资额(亿元)</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>原句</translation>
    </message>
    <message>
        <source>New unit</source>
        <translation>新单位</translation>
    </message>
    <message>
        <source>Make it under</source>
        <translation>所属上级</translation>
    </message>
    <message>
        <source>Apply to these figures</source>
        <translation>用于这些数据</translation>
    </message>
    <message>
        <source>Store accepted facts</source>
        <translation>保存已接受的数据</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n figure(s))</source>
        <translation>
            <numerusform>%1(%n 条数据)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>Reading reports…</source>
        <translation>正在读取报道…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Reading was cancelled; nothing was stored.</source>
        <translation>已取消读取;未保存任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>This report states no year for %n figure(s); give it:</source>
        <translation>
            <numerusform>这篇报道有 %n 条数据未写明年份,请填写:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It names no unit for %n figure(s); choose it:</source>
        <translation>
            <numerusform>有 %n 条数据未写明单位,请选择:</numerusform>
        </translation>
    </message>
    <message>
        <source>A project of this name is in the pipeline already.</source>
        <translation>项目库中已有同名项目。</translation>
    </message>
    <message>
        <source>%1 (new unit)</source>
        <translation>%1(新单位)</translation>
    </message>
    <message>
        <source>, signed %1</source>
        <translation>,%1 签约</translation>
    </message>
    <message>
        <source>, started %1</source>
        <translation>,%1 开工</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>(顶层)</translation>
    </message>
    <message>
        <source>%1 (new, the report&apos;s subject)</source>
        <translation>%1(新单位,报道主体)</translation>
    </message>
    <message>
        <source>Storing facts…</source>
        <translation>正在保存数据…</translation>
    </message>
    <message>
        <source>The reports were not stored</source>
        <translation>报道未保存</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>The encoding of this file is not certain: it was read as %1. If the text looks wrong, choose another:</source>
        <translation>无法确定此文件的编码:已按 %1 读取。如文字显示不对,请另选一种:</translation>
    </message>
    <message>
        <source>Read as:</source>
        <translation>读取编码:</translation>
    </message>
    <message>
        <source>Discard the review?</source>
        <translation>放弃本次审核?</translation>
    </message>
    <message>
        <source>You have corrected this review. Close it without storing the figures?</source>
        <translation>您已修改了本次审核。不保存数据就关闭吗?</translation>
    </message>
    <message>
        <source>%1 of %2 reports read; %3 facts to store, %4 of them in conflict with stored facts; %5 new units; %6 projects to add to the pipeline; %7 reports imported before.</source>
        <translation>已读取报道 %1 篇(共 %2 篇);待保存数据 %3 条,其中 %4 条与已存数据冲突;新增单位 %5 个;加入项目库的项目 %6 个;此前已导入的报道 %7 篇。</translation>
    </message>
</context>
<context>
    <name>IPDesk::Keyring</name>
    <message>
        <source>No password is kept for this database.</source>
        <translation>没有保存这个数据库的密码。</translation>
    </message>
    <message>
        <source>The system keyring cannot be used: %1</source>
        <translation>无法使用系统密钥环:%1</translation>
    </message>
    <message>
        <source>The keyring is turned off.</source>
        <translation>密钥环已关闭。</translation>
    </message>
</context>
<context>
    <name>IPDesk::MainWindow</name>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>Search project, investor, officer, notes…</source>
        <translation>搜索项目、投资方、责任人、备注…</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>阶段:</translation>
    </message>
    <message>
        <source>Industry:</source>
        <translation>产业:</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年度:</translation>
    </message>
    <message>
        <source>Project pipeline</source>
        <translation>项目库</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Project details</source>
        <translation>项目详情</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Desk…</source>
        <translation>新建工作台(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Desk…</source>
        <translation>打开工作台(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Connect to Team Database…</source>
        <translation>连接团队数据库(&amp;C)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Save &amp;As a Copy…</source>
        <translation>另存副本(&amp;A)…</translation>
    </message>
    <message>
        <source>C&amp;heck Desk File</source>
        <translation>检查工作台文件(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Import Reports…</source>
        <translation>导入报道(&amp;I)…</translation>
    </message>
    <message>
        <source>Paste Report &amp;Text…</source>
        <translation>粘贴报道文字(&amp;T)…</translation>
    </message>
    <message>
        <source>Import &amp;Table (CSV, XLSX)…</source>
        <translation>导入表格(CSV、XLSX)(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Export Table…</source>
        <translation>导出表格(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Copy Cells</source>
        <translation>复制单元格(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste Cells</source>
        <translation>粘贴单元格(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Add Project</source>
        <translation>新增项目(&amp;A)</translation>
    </message>
    <message>
        <source>D&amp;uplicate Project</source>
        <translation>复制项目(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete Project…</source>
        <translation>删除项目(&amp;D)…</translation>
    </message>
    <message>
        <source>Add &amp;Unit…</source>
        <translation>新增单位(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Amounts in 100M yuan (亿元)</source>
        <translation>金额以亿元显示</translation>
    </message>
    <message>
        <source>Amounts in 10k yuan (万元)</source>
        <translation>金额以万元显示</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>Team &amp;Accounts…</source>
        <translation>团队账号(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About IPDesk</source>
        <translation>关于招商工作台(&amp;A)</translation>
    </message>
    <message>
        <source>About IPDesk</source>
        <translation>关于招商工作台</translation>
    </message>
    <message>
        <source>&lt;h3&gt;IPDesk %1&lt;/h3&gt;&lt;p&gt;The investment-promotion desk: the project pipeline, targets and reports of a bureau in one place.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;招商工作台 %1&lt;/h3&gt;&lt;p&gt;招商引资工作台:项目库、目标任务与各类报道数据集中管理。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Cannot connect to the team database</source>
        <translation>无法连接团队数据库</translation>
    </message>
    <message>
        <source>Cannot open the desk</source>
        <translation>无法打开工作台</translation>
    </message>
    <message>
        <source>Cannot create the demo desk</source>
        <translation>无法创建演示工作台</translation>
    </message>
    <message>
        <source>New team desk</source>
        <translation>新建团队工作台</translation>
    </message>
    <message>
        <source>%1

Set up a new, empty team desk in this database?</source>
        <translation>%1

要在这个数据库中建立新的空团队工作台吗?</translation>
    </message>
    <message>
        <source>The password was not kept: %1</source>
        <translation>密码未保存:%1</translation>
    </message>
    <message>
        <source>Personal desk</source>
        <translation>个人工作台</translation>
    </message>
    <message>
        <source>Team database %1 · signed in as %2</source>
        <translation>团队数据库 %1 · 登录身份 %2</translation>
    </message>
    <message numerus="yes">
        <source>Connection to the team database lost — reconnecting… %n edit(s) kept, to be saved when it is back</source>
        <translation>
            <numerusform>与团队数据库的连接已断开,正在重连… 已保留 %n 处修改,连接恢复后保存</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection to the team database lost — reconnecting…</source>
        <translation>与团队数据库的连接已断开,正在重连…</translation>
    </message>
    <message>
        <source>Connected to the team database again.</source>
        <translation>已重新连接团队数据库。</translation>
    </message>
    <message>
        <source>Some kept edits were not saved</source>
        <translation>部分保留的修改未能保存</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n edit(s) kept from when the connection was lost.</source>
        <translation>
            <numerusform>已保存连接中断时保留的 %n 处修改。</numerusform>
        </translation>
    </message>
    <message>
        <source>Updated with changes saved by other officers.</source>
        <translation>已更新其他同事保存的修改。</translation>
    </message>
    <message>
        <source>The change could not be saved</source>
        <translation>改动无法保存</translation>
    </message>
    <message>
        <source>Progress and bulletin</source>
        <translation>目标进度与通报</translation>
    </message>
    <message>
        <source>Report figures</source>
        <translation>报道数据</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>招商活动</translation>
    </message>
    <message>
        <source>Change log</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>全部产业</translation>
    </message>
    <message>
        <source>The edit was not stored</source>
        <translation>修改未保存</translation>
    </message>
    <message>
        <source>There is no connection to the team database. Your change is kept and will be saved when the connection is back.</source>
        <translation>与团队数据库的连接已断开。您的改动已保留,连接恢复后会自动保存。</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销(&amp;U)“%1”</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做(&amp;R)“%1”</translation>
    </message>
    <message>
        <source>%1 %2 · %3</source>
        <translation>%1 %2个 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%n project(s), %1</source>
        <translation>
            <numerusform>共 %n 个项目,%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n project(s) shown</source>
        <translation>
            <numerusform>显示 %n 个项目</numerusform>
        </translation>
    </message>
    <message>
        <source>No unit yet</source>
        <translation>尚无单位</translation>
    </message>
    <message>
        <source>Add a unit first (Edit → Add Unit), then its projects.</source>
        <translation>请先新增单位(编辑 → 新增单位),再录入其项目。</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新项目</translation>
    </message>
    <message>
        <source>Added a project; fill in its details on the right.</source>
        <translation>已新增项目;请在右侧填写详情。</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1(副本)</translation>
    </message>
    <message>
        <source>Delete the project &quot;%1&quot;? You can undo this with Ctrl+Z.</source>
        <translation>删除项目“%1”?可按 Ctrl+Z 撤销。</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n projects? You can undo this with Ctrl+Z.</source>
        <translation>
            <numerusform>删除 %n 个项目?可按 Ctrl+Z 撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete projects</source>
        <translation>删除项目</translation>
    </message>
    <message>
        <source>Add unit</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <source>Name of the new unit under %1:</source>
        <translation>在“%1”下新增单位的名称:</translation>
    </message>
    <message>
        <source>the top level</source>
        <translation>顶层</translation>
    </message>
    <message>
        <source>Cannot add the unit</source>
        <translation>无法新增单位</translation>
    </message>
    <message>
        <source>New desk</source>
        <translation>新建工作台</translation>
    </message>
    <message>
        <source>IPDesk desks (*.ipdesk)</source>
        <translation>招商工作台文件 (*.ipdesk)</translation>
    </message>
    <message>
        <source>Cannot create the desk</source>
        <translation>无法创建工作台</translation>
    </message>
    <message>
        <source>%1 exists and cannot be replaced.</source>
        <translation>%1 已存在且无法替换。</translation>
    </message>
    <message>
        <source>Open desk</source>
        <translation>打开工作台</translation>
    </message>
    <message>
        <source>IPDesk desks (*.ipdesk);;All files (*)</source>
        <translation>招商工作台文件 (*.ipdesk);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save a copy of the desk</source>
        <translation>另存工作台副本</translation>
    </message>
    <message>
        <source>Cannot save the copy</source>
        <translation>无法保存副本</translation>
    </message>
    <message>
        <source>Saved a copy to %1</source>
        <translation>已将副本保存到 %1</translation>
    </message>
    <message>
        <source>The desk file is damaged</source>
        <translation>工作台文件已损坏</translation>
    </message>
    <message>
        <source>The check found: %1
Save no more changes to it: open the latest backup copy, or send the file to your administrator to recover it.</source>
        <translation>检查发现:%1
请不要再向它保存改动:打开最近的备份副本,或把文件交给管理员修复。</translation>
    </message>
    <message>
        <source>The desk file was checked: every page is whole.</source>
        <translation>工作台文件检查完毕:所有页面完好。</translation>
    </message>
    <message>
        <source>Team database %1</source>
        <translation>团队数据库 %1</translation>
    </message>
    <message>
        <source>IPDesk — %1 (team)</source>
        <translation>招商工作台 — %1(团队)</translation>
    </message>
    <message>
        <source>IPDesk — %1</source>
        <translation>招商工作台 — %1</translation>
    </message>
    <message>
        <source>IPDesk</source>
        <translation>招商工作台</translation>
    </message>
    <message>
        <source>Import reports</source>
        <translation>导入报道</translation>
    </message>
    <message>
        <source>Stored %1 facts from %2 reports; %3 replaced, %4 new units.</source>
        <translation>已从 %2 篇报道保存 %1 条数据;替换 %3 条,新增单位 %4 个。</translation>
    </message>
    <message>
        <source>Paste report text</source>
        <translation>粘贴报道文字</translation>
    </message>
    <message>
        <source>Paste the text of a report, a bulletin or a news item here.</source>
        <translation>请在此粘贴报道、简报或新闻的文字。</translation>
    </message>
    <message>
        <source>Import table</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>表格 (*.xlsx *.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Imported: %1 added, %2 updated, %3 unchanged, %4 skipped.</source>
        <translation>已导入:新增 %1,更新 %2,未变 %3,跳过 %4。</translation>
    </message>
    <message>
        <source>Export table</source>
        <translation>导出表格</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 for Excel (*.csv);;CSV, GB18030 (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV,UTF-8(Excel 可打开)(*.csv);;CSV,GB18030 (*.csv)</translation>
    </message>
    <message>
        <source>The table was not exported</source>
        <translation>表格未导出</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>No desk is open.</source>
        <translation>没有打开的工作台。</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Nothing was pasted</source>
        <translation>未粘贴任何内容</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>未保存的修改</translation>
    </message>
    <message numerus="yes">
        <source>%n edit(s) could not reach the team database yet and would be lost. Close anyway?</source>
        <translation>
            <numerusform>有 %n 处修改尚未送达团队数据库,关闭将会丢失。仍要关闭吗?</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the desk file…</source>
        <translation>正在检查工作台文件…</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <source>%1

Open a copy of it read-only, to read and export what can still be read? The file itself stays as it is.</source>
        <translation>%1

是否以只读方式打开它的副本,查看并导出仍可读取的内容?原文件保持不变。</translation>
    </message>
    <message>
        <source>A read-only copy of the damaged desk is open; nothing can be changed in it.</source>
        <translation>已打开损坏工作台的只读副本,其中的内容不能修改。</translation>
    </message>
    <message>
        <source>IPDesk — %1 (read-only copy)</source>
        <translation>招商工作台 — %1(只读副本)</translation>
    </message>
    <message>
        <source>Pipeline &amp;Columns</source>
        <translation>项目库显示列(&amp;C)</translation>
    </message>
    <message>
        <source>Monthly returns</source>
        <translation>月报审核</translation>
    </message>
    <message>
        <source>Follow-up tasks</source>
        <translation>督办事项</translation>
    </message>
    <message>
        <source>%1 (%2 overdue)</source>
        <translation>%1(逾期 %2)</translation>
    </message>
    <message>
        <source>Follow-up task made for %1; see the tab “Follow-up tasks”.</source>
        <translation>已为“%1”创建督办事项,见“督办事项”页。</translation>
    </message>
    <message>
        <source>Reports (*.txt *.text *.htm *.html *.docx *.doc *.wps *.pdf);;Statistics sheets as reports (*.xlsx *.csv);;All files (*)</source>
        <translation>报道 (*.txt *.text *.htm *.html *.docx *.doc *.wps *.pdf);;按报道读取的统计表 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>IPDesk::Metrics</name>
    <message>
        <source>Projects under negotiation</source>
        <translation>在谈项目数</translation>
    </message>
    <message>
        <source>Signed projects</source>
        <translation>签约项目数</translation>
    </message>
    <message>
        <source>Signed investment</source>
        <translation>签约额</translation>
    </message>
    <message>
        <source>Registered projects</source>
        <translation>注册项目数</translation>
    </message>
    <message>
        <source>Started projects</source>
        <translation>开工项目数</translation>
    </message>
    <message>
        <source>Investment of started projects</source>
        <translation>开工项目投资额</translation>
    </message>
    <message>
        <source>Projects in operation</source>
        <translation>投产项目数</translation>
    </message>
    <message>
        <source>Projects introduced</source>
        <translation>引进项目数</translation>
    </message>
    <message>
        <source>Funds in place</source>
        <translation>到位资金</translation>
    </message>
    <message>
        <source>Projects of 1 billion yuan or more</source>
        <translation>10亿元以上项目数</translation>
    </message>
    <message>
        <source>Capital-increase projects</source>
        <translation>增资扩产项目数</translation>
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
        <source>Investment-seeking trips</source>
        <translation>外出招商次数</translation>
    </message>
    <message>
        <source>Trips led by principal leaders</source>
        <translation>主要领导外出招商次数</translation>
    </message>
    <message>
        <source>Companies visited</source>
        <translation>考察拜访企业数</translation>
    </message>
    <message>
        <source>Investor delegations received</source>
        <translation>接待客商考察批次</translation>
    </message>
    <message>
        <source>Promotion events</source>
        <translation>招商推介活动场次</translation>
    </message>
    <message>
        <source>Share of the annual task completed</source>
        <translation>完成全年任务比例</translation>
    </message>
    <message>
        <source>%1 100M yuan</source>
        <translation>%1亿元</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Full year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Year to date</source>
        <translation>今年以来</translation>
    </message>
    <message>
        <source>First half</source>
        <translation>上半年</translation>
    </message>
    <message>
        <source>Second half</source>
        <translation>下半年</translation>
    </message>
    <message>
        <source>Q%1</source>
        <translation>第%1季度</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>%1月</translation>
    </message>
    <message>
        <source>Months %1-%2</source>
        <translation>%1-%2月</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>确数</translation>
    </message>
    <message>
        <source>about</source>
        <translation>约</translation>
    </message>
    <message>
        <source>over</source>
        <translation>超过</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>不低于</translation>
    </message>
    <message>
        <source>under</source>
        <translation>不足</translation>
    </message>
    <message>
        <source>range</source>
        <translation>区间</translation>
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
        <source>%1 trips</source>
        <translation>%1次</translation>
    </message>
    <message>
        <source>%1 companies</source>
        <translation>%1家</translation>
    </message>
    <message>
        <source>%1 delegations</source>
        <translation>%1批次</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1场</translation>
    </message>
    <message>
        <source>%1 projects</source>
        <translation>%1个</translation>
    </message>
</context>
<context>
    <name>IPDesk::Money</name>
    <message>
        <source>100M yuan</source>
        <translation>亿元</translation>
    </message>
    <message>
        <source>10k yuan</source>
        <translation>万元</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>Enter an amount, for example 26.24亿 or 3000万.</source>
        <translation>请输入金额,例如 26.24亿 或 3000万。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an amount; write it as 26.24亿 or 3000万.</source>
        <translation>“%1”不是金额;请写成 26.24亿 或 3000万。</translation>
    </message>
    <message>
        <source>An amount cannot be negative.</source>
        <translation>金额不能为负数。</translation>
    </message>
    <message>
        <source>The amount %1 is too large.</source>
        <translation>金额 %1 过大。</translation>
    </message>
</context>
<context>
    <name>IPDesk::Names</name>
    <message>
        <source>Lead</source>
        <translation>线索</translation>
    </message>
    <message>
        <source>Negotiating</source>
        <translation>在谈</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>签约</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>注册</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开工</translation>
    </message>
    <message>
        <source>Operating</source>
        <translation>投产</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>搁置</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Capital increase</source>
        <translation>增资扩产</translation>
    </message>
    <message>
        <source>Relocation</source>
        <translation>搬迁</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县(市)</translation>
    </message>
    <message>
        <source>Development zone</source>
        <translation>功能区</translation>
    </message>
    <message>
        <source>Town</source>
        <translation>镇</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>The project needs a name.</source>
        <translation>项目需要名称。</translation>
    </message>
    <message>
        <source>The project needs a responsible unit.</source>
        <translation>项目需要责任单位。</translation>
    </message>
    <message>
        <source>Investment, funds, output and tax cannot be negative.</source>
        <translation>投资额、到位资金、产值和税收不能为负数。</translation>
    </message>
    <message>
        <source>%1 contains a control character (%2) that cannot be stored; remove it.</source>
        <translation>%1 含有无法保存的控制字符(%2),请删除。</translation>
    </message>
    <message>
        <source>The %1 date (%2) is before the %3 date (%4).</source>
        <translation>%1日期(%2)早于%3日期(%4)。</translation>
    </message>
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
        <source>Signed on</source>
        <translation>签约日期</translation>
    </message>
    <message>
        <source>Started on</source>
        <translation>开工日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>修改“%2”的%1</translation>
    </message>
    <message>
        <source>Edit project %1</source>
        <translation>编辑项目“%1”</translation>
    </message>
    <message>
        <source>Add project %1</source>
        <translation>新增项目“%1”</translation>
    </message>
    <message>
        <source>Delete project %1</source>
        <translation>删除项目“%1”</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n projects</source>
        <translation>
            <numerusform>删除 %n 个项目</numerusform>
        </translation>
    </message>
    <message>
        <source>A unit needs a name.</source>
        <translation>单位需要名称。</translation>
    </message>
    <message>
        <source>The project no longer exists.</source>
        <translation>该项目已不存在。</translation>
    </message>
    <message>
        <source>Project &quot;%1&quot;: %2</source>
        <translation>项目“%1”:%2</translation>
    </message>
    <message>
        <source>%1 was changed by someone else in the same fields; your change was not saved.</source>
        <translation>他人修改了%1的相同字段;您的修改未保存。</translation>
    </message>
    <message>
        <source>The project was deleted elsewhere in the meantime.</source>
        <translation>该项目已在别处被删除。</translation>
    </message>
    <message>
        <source>Someone else saved a newer version of this project first; nothing was overwritten.</source>
        <translation>他人已先保存了该项目的更新版本;未覆盖任何内容。</translation>
    </message>
    <message>
        <source>The team database refused this change: your account may not change projects of %1.</source>
        <translation>团队数据库拒绝了这次修改:您的账号无权修改%1的项目。</translation>
    </message>
    <message>
        <source>Added investment</source>
        <translation>新增投资</translation>
    </message>
</context>
<context>
    <name>IPDesk::OptionalDateEdit</name>
    <message>
        <source>e.g. 2023-03-15 or 3月15日</source>
        <translation>如 2023-03-15 或 3月15日</translation>
    </message>
    <message>
        <source>Pick the date from a calendar (F4)</source>
        <translation>从日历中选日期(F4)</translation>
    </message>
</context>
<context>
    <name>IPDesk::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>Follow the system (Chinese by default)</source>
        <translation>跟随系统(默认中文)</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>界面语言:</translation>
    </message>
    <message>
        <source>Show amounts in:</source>
        <translation>金额单位:</translation>
    </message>
</context>
<context>
    <name>IPDesk::ProgressCalculator</name>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿</translation>
    </message>
    <message>
        <source>Yellow</source>
        <translation>黄</translation>
    </message>
    <message>
        <source>Red</source>
        <translation>红</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>无目标</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Change the bulletin rules</source>
        <translation>修改通报规则</translation>
    </message>
    <message>
        <source>The red threshold must be at least the yellow one, and neither negative.</source>
        <translation>红灯阈值不能小于黄灯阈值,且都不能为负。</translation>
    </message>
    <message>
        <source>The ranking weights must be positive.</source>
        <translation>排名权重必须为正。</translation>
    </message>
    <message>
        <source>Monthly weights need a value for each of the 12 months.</source>
        <translation>月度权重需要 12 个月各一个数。</translation>
    </message>
    <message>
        <source>Monthly weights cannot be negative.</source>
        <translation>月度权重不能为负。</translation>
    </message>
    <message>
        <source>%1: no target and no figures.</source>
        <translation>%1:无目标,无数据。</translation>
    </message>
    <message>
        <source>%1: %2 so far; no target is set for the year.</source>
        <translation>%1:目前为 %2;未设定全年目标。</translation>
    </message>
    <message>
        <source>%1: the target is zero, so no completion can be given.</source>
        <translation>%1:目标为零,无法计算完成率。</translation>
    </message>
    <message>
        <source>%1: target %2; no figures yet.</source>
        <translation>%1:目标 %2;尚无数据。</translation>
    </message>
    <message>
        <source>%1: %2 of %3, %4% of the annual target</source>
        <translation>%1:完成 %2(目标 %3),完成全年目标的 %4%</translation>
    </message>
    <message>
        <source>, %1 percentage points behind the time pace.</source>
        <translation>,落后序时进度 %1 个百分点。</translation>
    </message>
    <message>
        <source>, %1 percentage points ahead of the time pace.</source>
        <translation>,超过序时进度 %1 个百分点。</translation>
    </message>
    <message>
        <source>, on the time pace.</source>
        <translation>,与序时进度持平。</translation>
    </message>
    <message>
        <source>The as-of date %1 is before %2 began; progress is shown as of %3.</source>
        <translation>截止日期 %1 早于 %2 年;按 %3 计算进度。</translation>
    </message>
    <message>
        <source>The as-of date %1 is after %2 ended; progress is shown for the whole year.</source>
        <translation>截止日期 %1 晚于 %2 年末;按全年计算进度。</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1,%2</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>The days a project may wait in a stage must be at least one.</source>
        <translation>项目在某阶段的等待时限至少为一天。</translation>
    </message>
    <message>
        <source>No unit has a target for %1 or %2 in %3, so none is ranked.</source>
        <translation>%3 年没有单位设定%1或%2目标,未予排名。</translation>
    </message>
    <message>
        <source>Only one unit has targets, so there is no efficacy score: it compares units with each other.</source>
        <translation>只有一个单位设定了目标,不计算功效系数得分(该得分用于单位之间相互比较)。</translation>
    </message>
    <message>
        <source>A deadline day of the monthly returns is a day from 1 to 28 of the next month.</source>
        <translation>月报报送期限须为次月 1 日至 28 日之间的某一天。</translation>
    </message>
    <message>
        <source>A follow-up task needs at least one day until it is due.</source>
        <translation>督办事项的办理期限至少为一天。</translation>
    </message>
    <message>
        <source>approved return of %1</source>
        <translation>%1已审核月报</translation>
    </message>
    <message>
        <source>no approved return</source>
        <translation>无已审核月报</translation>
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
    <message>
        <source>Reported</source>
        <translation>报道数据</translation>
    </message>
    <message>
        <source>Pipeline − reported</source>
        <translation>项目库 − 报道</translation>
    </message>
    <message>
        <source>%1, %2, as of %3</source>
        <translation>%1,%2,截至 %3</translation>
    </message>
    <message>
        <source>Reported (chosen): %1</source>
        <translation>报道(指定):%1</translation>
    </message>
    <message>
        <source>Reported (chosen): none yet</source>
        <translation>报道(指定):尚无</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1(%2)</translation>
    </message>
    <message>
        <source>Approved return: %1</source>
        <translation>已审核月报:%1</translation>
    </message>
    <message>
        <source>No approved return</source>
        <translation>无已审核月报</translation>
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
        <source>Unit comparison</source>
        <translation>单位对比</translation>
    </message>
    <message>
        <source>Cumulative by month</source>
        <translation>逐月累计</translation>
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
    <message>
        <source>Figure of %1, %2</source>
        <translation>%1 · %2 的数据来源</translation>
    </message>
    <message>
        <source>Automatic: the pipeline where the unit keeps projects for the period, else the latest report</source>
        <translation>自动:该单位本期有项目记录时用项目库,否则用最新报道数据</translation>
    </message>
    <message>
        <source>Always the pipeline</source>
        <translation>始终用项目库</translation>
    </message>
    <message>
        <source>Always the latest reported figure</source>
        <translation>始终用最新报道数据</translation>
    </message>
    <message>
        <source>Figure source of %1, %2</source>
        <translation>修改%1 · %2 的数据来源</translation>
    </message>
    <message>
        <source>Figure source</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1:%2</translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation>六未项目</translation>
    </message>
    <message>
        <source>Stalled (%1)</source>
        <translation>六未项目(%1)</translation>
    </message>
    <message>
        <source>Assign a follow-up task</source>
        <translation>督办</translation>
    </message>
    <message>
        <source>Makes a follow-up task (督办) of the selected project for its unit, due in the bureau&apos;s days</source>
        <translation>为所选项目向其所属单位下发督办事项,按本局设定的天数确定办理期限</translation>
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
    <message>
        <source>Read only: this is a copy of a damaged desk, opened to read and export what can still be read.</source>
        <translation>只读:这是损坏工作台的副本,仅供查看和导出仍可读取的内容。</translation>
    </message>
    <message>
        <source>%1 date: %2</source>
        <translation>%1日期:%2</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Stage dates</source>
        <translation>阶段日期</translation>
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
    <message>
        <source>The block is longer than the table below the current row.</source>
        <translation>粘贴的行数超过了当前行以下的行数。</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>第 %1 行,%2:%3</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n cell(s)</source>
        <translation>
            <numerusform>粘贴 %n 个单元格</numerusform>
        </translation>
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
    <message>
        <source>No target</source>
        <translation>无目标</translation>
    </message>
</context>
<context>
    <name>IPDesk::ReportImporter</name>
    <message>
        <source>The text is empty.</source>
        <translation>文字为空。</translation>
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
    <message>
        <source>The file cannot be read: %1</source>
        <translation>文件无法读取:%1</translation>
    </message>
    <message>
        <source>No figures were found in the report.</source>
        <translation>报道中未找到数据。</translation>
    </message>
    <message>
        <source>The report was imported before.</source>
        <translation>此报道此前已导入。</translation>
    </message>
    <message>
        <source>Import the report &quot;%1&quot;</source>
        <translation>导入报道《%1》</translation>
    </message>
    <message numerus="yes">
        <source>Import %n report(s)</source>
        <translation>
            <numerusform>导入 %n 篇报道</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IPDesk::ReturnBook</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已报送</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>%1 reports to no unit above it, so it has no monthly return.</source>
        <translation>%1没有上级单位,不报送月报。</translation>
    </message>
    <message>
        <source>There is no such monthly return.</source>
        <translation>没有这份月报。</translation>
    </message>
    <message>
        <source>Only the officers of %1 write its monthly return.</source>
        <translation>只有%1的工作人员可以填报其月报。</translation>
    </message>
    <message>
        <source>The return of %1 for %2 is approved and locked. Reopen it to correct a figure; it must then be submitted and approved again.</source>
        <translation>%1%2月报已审核通过并锁定。如需更正数据,请先重新打开;更正后须重新报送、审核。</translation>
    </message>
    <message>
        <source>The return of %1 is waiting for review; its figures can be changed once it is returned.</source>
        <translation>%1的月报正在等待审核;退回后才能修改数据。</translation>
    </message>
    <message>
        <source>%1: a figure of a return cannot be negative.</source>
        <translation>%1:月报数据不能为负数。</translation>
    </message>
    <message>
        <source>%1: the figure %2 differs from the desk&apos;s %3; say why (the reason goes with the return).</source>
        <translation>%1:填报数 %2 与系统统计的 %3 不一致,请说明原因(原因随月报一并报送)。</translation>
    </message>
    <message>
        <source>Only the officers of %1 submit its monthly return.</source>
        <translation>只有%1的工作人员可以报送其月报。</translation>
    </message>
    <message>
        <source>Only the officers of %1 review the return of %2.</source>
        <translation>只有%1的工作人员可以审核%2的月报。</translation>
    </message>
    <message>
        <source>The return of %1 is %2; it cannot be %3.</source>
        <translation>%1的月报当前为“%2”,不能%3。</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>A return is sent back with the reviewer&apos;s opinion: say what is to be corrected.</source>
        <translation>退回月报须附审核意见:请写明需更正的内容。</translation>
    </message>
</context>
<context>
    <name>IPDesk::ReturnsView</name>
    <message>
        <source>Not started</source>
        <translation>未填报</translation>
    </message>
    <message>
        <source>%1, overdue</source>
        <translation>%1,逾期</translation>
    </message>
    <message>
        <source>%1, late</source>
        <translation>%1,逾期报送</translation>
    </message>
    <message>
        <source>reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>报送</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <source>returned</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>全部单位</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>年份:</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份:</translation>
    </message>
    <message>
        <source>Reporting to:</source>
        <translation>上报单位:</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>报送期限</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Reported by the unit</source>
        <translation>单位填报</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>项目库</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报道</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Reason and basis</source>
        <translation>说明与依据</translation>
    </message>
    <message>
        <source>Correct a figure…</source>
        <translation>更正数据…</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>报送</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <source>Return with opinion…</source>
        <translation>退回并附意见…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>流转记录:</translation>
    </message>
    <message>
        <source>%1 returns: %2 approved, %3 waiting for review, %4 overdue</source>
        <translation>共 %1 份月报:已审核 %2,待审核 %3,逾期未报 %4</translation>
    </message>
    <message>
        <source>No return picked</source>
        <translation>未选择月报</translation>
    </message>
    <message>
        <source>%1 · %2, %3 · %4</source>
        <translation>%1 · %2年%3 · %4</translation>
    </message>
    <message>
        <source>Due %1 to %2.</source>
        <translation>须于 %1 前报送%2。</translation>
    </message>
    <message>
        <source>Submitted by %1 on %2.</source>
        <translation>%1 于 %2 报送。</translation>
    </message>
    <message>
        <source>Opinion of %1: %2</source>
        <translation>%1 的审核意见:%2</translation>
    </message>
    <message numerus="yes">
        <source>%n project(s)</source>
        <translation>
            <numerusform>%n 个项目</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>…… 另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>report: %1</source>
        <translation>报道:%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1(%2)</translation>
    </message>
    <message>
        <source>started</source>
        <translation>开始填报</translation>
    </message>
    <message>
        <source>opinion: %1</source>
        <translation>意见:%1</translation>
    </message>
    <message>
        <source>%1  %2  %3</source>
        <translation>%1  %2  %3</translation>
    </message>
    <message>
        <source>Only the officers of %1 write and submit its return.</source>
        <translation>只有%1的工作人员可以填报和报送其月报。</translation>
    </message>
    <message>
        <source>Only the officers of %1 review this return.</source>
        <translation>只有%1的工作人员可以审核这份月报。</translation>
    </message>
    <message>
        <source>Monthly return</source>
        <translation>月报</translation>
    </message>
    <message>
        <source>Reopen the approved return</source>
        <translation>重新打开已审核的月报</translation>
    </message>
    <message>
        <source>The return of %1 is approved and locked. A correction reopens it: it must then be submitted and approved again. Why is it reopened?</source>
        <translation>%1的月报已审核通过并锁定。更正数据将重新打开月报,更正后须重新报送、审核。重新打开的原因:</translation>
    </message>
    <message>
        <source>Correction of figures</source>
        <translation>更正数据</translation>
    </message>
    <message>
        <source>The return of %1 is open again; its officers can now correct it.</source>
        <translation>%1的月报已重新打开,该单位工作人员现可更正。</translation>
    </message>
    <message>
        <source>Correct a figure of %1</source>
        <translation>更正%1的数据</translation>
    </message>
    <message>
        <source>Why the unit reports another figure than the desk counts</source>
        <translation>填报数与系统统计数不一致的原因</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>指标:</translation>
    </message>
    <message>
        <source>The desk counts:</source>
        <translation>系统统计:</translation>
    </message>
    <message>
        <source>Reported figure:</source>
        <translation>填报数:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因:</translation>
    </message>
    <message>
        <source>Return with opinion</source>
        <translation>退回月报</translation>
    </message>
    <message>
        <source>What is %1 to correct before it submits again?</source>
        <translation>请写明%1重新报送前需更正的内容:</translation>
    </message>
    <message>
        <source>Why is the approved return of %1 reopened?</source>
        <translation>重新打开%1已审核月报的原因:</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>the first %1 projects</source>
        <translation>前 %1 个项目</translation>
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
    <name>IPDesk::StalledModel</name>
    <message>
        <source>Project</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>滞留情况</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>已等待天数</translation>
    </message>
    <message>
        <source>Limit (days)</source>
        <translation>时限(天)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
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
    <message>
        <source>Sheet1</source>
        <translation>工作表1</translation>
    </message>
    <message>
        <source>Project pipeline</source>
        <translation>项目库</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标任务</translation>
    </message>
    <message>
        <source>Report figures</source>
        <translation>报道数据</translation>
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
    <message>
        <source>Checking the rows with the new mapping…</source>
        <translation>正在按新的对应关系检查各行…</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>The import changed more rows than can be kept for Edit → Undo; it cannot be undone. Before a large import, File → Save As a Copy keeps the desk as it was.</source>
        <translation>本次导入改动的行数超过“编辑 → 撤销”能保留的数量,无法撤销。大批量导入前,可用“文件 → 另存副本”保留导入前的工作台。</translation>
    </message>
    <message>
        <source>Read as a report</source>
        <translation>按报道读取</translation>
    </message>
    <message>
        <source>Read the sheet&apos;s figures as a report&apos;s (a title, then units down and indicators across), to review and store them as report figures</source>
        <translation>把表中的数字按报道读取(表头之上有标题,各单位成行、各指标成列),审核后存为报道数据</translation>
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
    <message>
        <source>Contains a control character (%1) that cannot be stored.</source>
        <translation>含有无法保存的控制字符(%1)。</translation>
    </message>
    <message>
        <source>Added investment</source>
        <translation>新增投资</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>导入 %1</translation>
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
    <name>IPDesk::TaskStore</name>
    <message>
        <source>Done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>A follow-up task needs the unit that is to act.</source>
        <translation>督办事项须指定承办单位。</translation>
    </message>
    <message>
        <source>A follow-up task needs to say what is to be done.</source>
        <translation>督办事项须写明督办内容。</translation>
    </message>
    <message>
        <source>A follow-up task needs a due date.</source>
        <translation>督办事项须有办理期限。</translation>
    </message>
    <message>
        <source>The follow-up task is no longer there, or your account may not change it.</source>
        <translation>该督办事项已不存在,或您的账号无权修改。</translation>
    </message>
    <message>
        <source>A reply needs some text.</source>
        <translation>回复内容不能为空。</translation>
    </message>
    <message>
        <source>Assign the follow-up task “%1”</source>
        <translation>下发督办“%1”</translation>
    </message>
    <message>
        <source>Delete the follow-up task “%1”</source>
        <translation>删除督办“%1”</translation>
    </message>
    <message>
        <source>Mark the follow-up task “%1” %2</source>
        <translation>将督办“%1”标为%2</translation>
    </message>
</context>
<context>
    <name>IPDesk::TasksView</name>
    <message>
        <source>Show done tasks</source>
        <translation>显示已办结</translation>
    </message>
    <message>
        <source>New follow-up task…</source>
        <translation>新建督办…</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>回复…</translation>
    </message>
    <message>
        <source>Mark done / open</source>
        <translation>办结 / 重新办理</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>承办单位</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>What is to be done</source>
        <translation>督办内容</translation>
    </message>
    <message>
        <source>Latest reply</source>
        <translation>最新回复</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1(%2,%3)</translation>
    </message>
    <message>
        <source>%1 open, %2 overdue</source>
        <translation>办理中 %1 项,逾期 %2 项</translation>
    </message>
    <message>
        <source>Follow-up task</source>
        <translation>督办事项</translation>
    </message>
    <message>
        <source>New follow-up task</source>
        <translation>新建督办事项</translation>
    </message>
    <message>
        <source>(the unit as a whole)</source>
        <translation>(单位整体)</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>承办单位:</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>项目:</translation>
    </message>
    <message>
        <source>What is to be done:</source>
        <translation>督办内容:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>办理期限:</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2:%3</translation>
    </message>
    <message>
        <source>Reply to a follow-up task</source>
        <translation>回复督办事项</translation>
    </message>
    <message>
        <source>Delete follow-up task</source>
        <translation>删除督办事项</translation>
    </message>
    <message>
        <source>Delete the task “%1”? Its replies go with it.</source>
        <translation>删除督办事项“%1”?其回复一并删除。</translation>
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
        <source>GBK/GB18030 (simplified Chinese)</source>
        <translation>GBK/GB18030(简体中文)</translation>
    </message>
    <message>
        <source>Big5 (traditional Chinese)</source>
        <translation>Big5(繁体中文)</translation>
    </message>
    <message>
        <source>Shift-JIS (Japanese)</source>
        <translation>Shift-JIS(日文)</translation>
    </message>
    <message>
        <source>EUC-JP (Japanese)</source>
        <translation>EUC-JP(日文)</translation>
    </message>
    <message>
        <source>EUC-KR (Korean)</source>
        <translation>EUC-KR(韩文)</translation>
    </message>
    <message>
        <source>GBK and UTF-8, line by line</source>
        <translation>GBK 与 UTF-8 混合(逐行识别)</translation>
    </message>
    <message>
        <source>Part of the file is GBK and part UTF-8; each line was read in its own encoding. Check the text before storing its figures.</source>
        <translation>文件部分为 GBK、部分为 UTF-8,已逐行按各自编码读取。保存数据前请核对文字。</translation>
    </message>
    <message>
        <source>The file is not text in %1.</source>
        <translation>文件不是 %1 编码的文本。</translation>
    </message>
    <message>
        <source>The file is neither UTF-8, UTF-16, GBK/GB18030, Big5 nor Shift-JIS text; its encoding cannot be told.</source>
        <translation>文件不是 UTF-8、UTF-16、GBK/GB18030、Big5 或 Shift-JIS 文本,无法识别其编码。</translation>
    </message>
    <message>
        <source>The text reads as %1, not Chinese; IPDesk reads Chinese reports, so few figures may be found.</source>
        <translation>文本为 %1,不是中文;IPDesk 读取中文报道,可能找不到多少数据。</translation>
    </message>
    <message numerus="yes">
        <source>%n place(s) in the file could not be read as %1 and show as �; check the text around them before storing its figures.</source>
        <translation>
            <numerusform>文件中有 %n 处无法按 %1 读取,显示为 �;保存其中数据前请核对这些地方前后的文字。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IPDesk::ToolProcess</name>
    <message>
        <source>%1 cannot be read: %2 does not start.</source>
        <translation>无法读取 %1:%2 无法启动。</translation>
    </message>
    <message>
        <source>%1 took more than %2 seconds to read; it may be damaged.</source>
        <translation>读取 %1 超过 %2 秒;文件可能已损坏。</translation>
    </message>
    <message>
        <source>%1 holds more than %2 MB of text; no report is that long.</source>
        <translation>%1 的文字超过 %2 MB;没有这么长的报道。</translation>
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
    <message>
        <source>%1 inflates to more than %2 MB.</source>
        <translation>%1 解压后超过 %2 MB。</translation>
    </message>
    <message>
        <source>%1 inflates more than %2 times its stored size, which no spreadsheet does (a zip bomb).</source>
        <translation>%1 解压后超过其存储大小的 %2 倍,正常表格不会如此(压缩炸弹)。</translation>
    </message>
    <message>
        <source>The shared strings of %1</source>
        <translation>%1 的共享字符串</translation>
    </message>
    <message>
        <source>%1 is damaged: its shared strings cannot be read.</source>
        <translation>%1 已损坏:无法读取其共享字符串。</translation>
    </message>
    <message>
        <source>%1 cannot be imported: its shared strings hold more than %2 million characters.</source>
        <translation>%1 无法导入:其共享字符串超过 %2 百万个字符。</translation>
    </message>
    <message>
        <source>%1 cannot be imported: %2</source>
        <translation>%1 无法导入:%2</translation>
    </message>
    <message>
        <source>%1 is damaged: its shared strings (the texts of the cells) are cut short or not readable%2.</source>
        <translation>%1 已损坏:其共享字符串(单元格文字)不完整或无法读取%2。</translation>
    </message>
    <message>
        <source>The sheet %1</source>
        <translation>工作表 %1</translation>
    </message>
    <message>
        <source>The sheet %1 has more than %2 merged ranges; unmerge the cells and save it again.</source>
        <translation>工作表 %1 的合并区域超过 %2 个;请取消合并单元格后重新保存。</translation>
    </message>
    <message>
        <source>The sheet cannot be imported: %1</source>
        <translation>工作表无法导入:%1</translation>
    </message>
    <message>
        <source>The cell %1 (row %2) lies outside any sheet or out of order; the workbook is damaged.</source>
        <translation>单元格 %1(第 %2 行)超出表格范围或顺序错乱;工作簿已损坏。</translation>
    </message>
    <message>
        <source>The sheet has more than %1 million cells.</source>
        <translation>工作表的单元格超过 %1 百万个。</translation>
    </message>
    <message>
        <source>Reading the sheet took more than %1 minutes.</source>
        <translation>读取工作表用时超过 %1 分钟。</translation>
    </message>
    <message>
        <source>The row %1 lies outside any sheet or out of order; the workbook is damaged.</source>
        <translation>第 %1 行超出表格范围或顺序错乱;工作簿已损坏。</translation>
    </message>
    <message>
        <source>The sheet %1 is damaged.</source>
        <translation>工作表 %1 已损坏。</translation>
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
        <source>Open on a tab: pipeline, progress, figures, activities, returns, tasks or changes.</source>
        <translation>打开时显示的页:pipeline、progress、figures、activities、returns、tasks 或 changes。</translation>
    </message>
</context>
</TS>
