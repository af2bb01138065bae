#!/usr/bin/env python3
"""Writes tests/data/phrasings.tsv: sentences of investment-promotion reports, written for these tests,
with the facts each states (extraction.md). Every metric in each order the genre uses (cue before the
figure, figure before its head noun and verb, 共/累计/新/实现/达 before it, 、-lists that share a cue,
其中 sub-counts, 同比 growth beside it, noise, targets, qualifiers), and sentences that state none.

Each row: id, the unit the report is about, the sentence, the facts: district|year|span|metric|kind|value|qualifier
separated by ';' (empty: no fact). tst_extractor wraps each sentence in a report dated 2024-07-10.
Run it again after changing the templates: python3 tests/data/make-phrasings.py
"""
import itertools, os

UNITS = ["吴兴区", "四会市", "伊金霍洛旗", "织里镇", "肇庆高新区", "红河州", "攸县", "南岗区"]
KIND = {"吴兴区": "区", "四会市": "市", "伊金霍洛旗": "旗", "织里镇": "镇", "肇庆高新区": "区", "红河州": "州",
        "攸县": "县", "南岗区": "区"}
PERIODS = [("一季度", "Q1"), ("1-5月", "M01-M05"), ("上半年", "H1"), ("1至9月", "M01-M09"), ("今年以来", "YTD"),
           ("前三季度", "M01-M09"), ("二季度", "Q2"), ("1-8月", "M01-M08"), ("1月至6月", "H1"), ("1-3月", "Q1"),
           ("一至五月", "M01-M05"), ("年初至7月底", "M01-M07"), ("头4个月", "M01-M04"), ("十至十二月份", "Q4"),
           ("一至三季度", "M01-M09"), ("首季度", "Q1"), ("前两个季度", "H1"), ("首三季", "M01-M09")]
YEAR = 2024

# Count metrics: phrasings with {P} period, {U} unit (or 全区 …), {N} the figure.
COUNTS = {
    "signed_projects": ["{P},{U}新签约项目{N}个。", "{P},{U}共签约{N}个项目。", "{P},{U}{N}个项目成功签约。",
                        "{P},{U}累计签约招商引资项目{N}个。", "{P},{U}签约项目达{N}个。", "{P}{U}实现签约项目{N}个。",
                        "{P},{U}新签约亿元以上项目{N}个。", "{P},{U}共签约引进项目{N}个。"],
    "negotiating_projects": ["{P},{U}新洽谈项目{N}个。", "{P},{U}在谈项目达{N}个。", "{P},{U}洽谈入库项目{N}个。"],
    "registered_projects": ["{P},{U}新注册项目{N}个。", "{P},{U}完成注册项目{N}个。"],
    "started_projects": ["{P},{U}新开工项目{N}个。", "{P},{U}{N}个项目集中开工。", "{P},{U}开工建设招商项目{N}个。"],
    "operating_projects": ["{P},{U}竣工投产项目{N}个。", "{P},{U}新投产项目{N}个。"],
    "introduced_projects": ["{P},{U}新引进项目{N}个。", "{P},{U}引进招商项目{N}个。", "{P},{U}{N}个项目落地。"],
    "capital_increase_projects": ["{P},{U}新增增资扩产项目{N}个。", "{P},{U}{N}个增资扩产项目完成备案。",
                                  "{P},{U}推动{N}家企业增资扩产。", "{P},{U}已有{N}家企业实施增资扩产。"],
    "outbound_trips": ["{P},{U}外出招商{N}次。", "{P},{U}累计外出招商{N}批次。", "{P},{U}共派出招商小分队{N}批次。",
                       "{P},{U}开展敲门招商{N}次。", "{P},{U}开展驻点招商{N}批次。",
                       "{P},{U}开展“走出去”招商活动{N}次。", "{P},{U}组织外出招商活动{N}次。",
                       "{P},{U}先后{N}次赴长三角开展招商活动。", "{P},{U}共组织{N}批次赴外招商活动。",
                       "{P},{U}开展“小分队”招商{N}批次。", "{P},{U}开展“敲门”招商{N}次。",
                       "{P},{U}赴粤港澳大湾区、长三角等地开展招商活动{N}次。", "{P},{U}分赴北京、上海、江苏、浙江等地开展招商活动{N}批次。"],
    "leader_outbound_trips": ["{P},{U}主要领导带队外出招商{N}次。", "{P},{U}党政主要领导带队赴长三角等地招商{N}次。",
                              "{P},{U}主要负责人先后{N}次带队赴浙江、广东等地考察对接企业。", "{P},{U}主要领导{N}次外出招商。"],
    "companies_visited": ["{P},{U}拜访企业{N}家。", "{P},{U}走访对接企业{N}家。", "{P},{U}共考察企业{N}家次。"],
    "inbound_visits": ["{P},{U}接待客商{N}批次。", "{P},{U}接待来访客商{N}批次。"],
    "promotion_events": ["{P},{U}举办招商推介会{N}场。", "{P},{U}举办各类招商活动{N}场。", "{P},{U}参加各类重大展会{N}场次。",
                         "{P},{U}在深圳、上海等地举办招商推介会{N}场。"],
}
# Amounts in 亿元 ({X}), 万元 ({W}, stated in 万元 and stored in 亿元) or 万亿元 ({T}, a province's).
MONEY = {
    "signed_investment": ["{P},{U}签约总额{X}亿元。", "{P},{U}签约总额{T}万亿元。", "{P},{U}协议投资{X}亿元。", "{P},{U}签约额达{X}亿元。",
                          "{P},{U}签约项目协议总投资{X}亿元。", "{P},{U}签约引资额{X}亿元。"],
    "funds_in_place": ["{P},{U}实际到位资金{X}亿元。", "{P},{U}到位市外资金{X}亿元。", "{P},{U}实现到位资金{W}万元。",
                       "{P},{U}实际到位省外境内资金{X}亿元。", "{P},{U}实际到资{X}亿元。"],
    "started_investment": ["{P},{U}开工项目合同投资额{X}亿元。", "{P},{U}新开工项目总投资额{X}亿元。",
                           "{P},{U}新动工项目总投资{X}亿元。", "{P},{U}新开建项目总投资{X}亿元。"],
}
# Qualifiers before or after a figure: (before, after, qualifier of an actual).
QUALIFIERS = [("近", "", "approx"), ("超", "", "over"), ("", "余", "over"), ("", "左右", "approx"), ("约", "", "approx"),
              ("逾", "", "over"), ("", "", "exact")]


def fact(unit, span, metric, value, kind="actual", qual="exact", year=YEAR):
    v = ("%.4f" % value).rstrip("0").rstrip(".")
    return "|".join([unit, str(year), span, metric, kind, v, qual])


def topic(unit, i):
    """The unit by name, or by its kind (全区, 全县) in the report about it."""
    return unit if i % 3 else "全" + KIND[unit]


rows = []
def add(unit, sentence, facts):
    # (the id from the row's place: the templates' loops use n for their figures)
    rows.append(("p%03d" % (len(rows) + 1), unit, sentence, ";".join(facts)))


i = 0


def next_place():
    """The unit and period (its words, its span) of the next sentence of a section, in turn."""
    global i
    unit, (pword, span) = UNITS[i % len(UNITS)], PERIODS[i % 4]
    i += 1
    return unit, pword, span


# 1. Every count metric, every phrasing, over periods and units.
for metric, templates in COUNTS.items():
    for t, (pword, span) in itertools.product(templates, PERIODS[:4]):
        unit = UNITS[i % len(UNITS)]
        value = 3 + (i * 7) % 190
        add(unit, t.format(P=pword, U=topic(unit, i), N=value), [fact(unit, span, metric, value)])
        i += 1

# 2. Amounts, every phrasing, over periods; 万元 becomes 亿元.
for metric, templates in MONEY.items():
    for t, (pword, span) in itertools.product(templates, PERIODS[2:7]):
        unit = UNITS[i % len(UNITS)]
        yi = round(1.5 + (i * 13.37) % 300, 2)
        wan = int(yi * 10000)
        trillion = round(yi / 100, 2)
        value = wan / 10000 if "{W}" in t else round(trillion * 10000, 2) if "{T}" in t else yi
        add(unit, t.format(P=pword, U=topic(unit, i), X=yi, W=wan, T=trillion), [fact(unit, span, metric, value)])
        i += 1

# 3. A count and its amount in one sentence, in the orders the genre uses.
PAIRS = [
    ("{P},{U}新签约项目{N}个,总投资{X}亿元。", "signed_projects", "signed_investment"),
    ("{P},{U}共签约{N}个项目,协议总投资{X}亿元。", "signed_projects", "signed_investment"),
    ("{P},{U}签约项目{N}个、总投资{X}亿元。", "signed_projects", "signed_investment"),
    ("{P},{U}{N}个项目现场签约,签约金额{X}亿元。", "signed_projects", "signed_investment"),
    ("{P},{U}新开工项目{N}个,计划总投资{X}亿元。", "started_projects", "started_investment"),
    ("{P},{U}新开工项目{N}个,开工项目总投资{X}亿元。", "started_projects", "started_investment"),
    # a page that spaces figures from words
    ("{P},{U}新签约项目 {N} 个,总投资 {X} 亿元。", "signed_projects", "signed_investment"),
    # the projects counted, together, after they produce: the district's (该项目达产后 is one company's)
    ("{P},{U}新签约项目{N}个,上述项目全部达产后预计可实现年产值{X}亿元。", "signed_projects", "expected_output"),
    ("{P},{U}新签约项目{N}个;项目全部达产后,预计年产值{X}亿元。", "signed_projects", "expected_output"),
]
for t, (pword, span) in itertools.product(PAIRS, PERIODS):
    template, m1, m2 = t
    unit = UNITS[i % len(UNITS)]
    value = 4 + (i * 11) % 160
    yi = round(2.25 + (i * 7.31) % 500, 2)
    add(unit, template.format(P=pword, U=topic(unit, i), N=value, X=yi), [fact(unit, span, m1, value), fact(unit, span, m2, yi)])
    i += 1

# 3a. One amount in two units: 3亿5000万元, 二十三亿五千万元.
for k, (pword, span) in enumerate(PERIODS[:6]):
    unit = UNITS[i % len(UNITS)]
    yi, wan = 2 + k * 3, 1000 + k * 1500
    add(unit, "{P},{U}实际到位资金{A}亿{B}万元。".format(P=pword, U=topic(unit, i), A=yi, B=wan),
        [fact(unit, span, "funds_in_place", yi + wan / 10000)])
    i += 1
add("吴兴区", "一季度,吴兴区实际到位资金二十三亿五千万元。", [fact("吴兴区", "Q1", "funds_in_place", 23.5)])

# 3a'. A month and 以来: from that month to the report's (dated July 2024).
for k, (pword, span) in enumerate([("5月以来", "M05-M07"), ("4月中旬以来", "M04-M07"), ("7月份以来", "M07")] * 2):
    unit = UNITS[i % len(UNITS)]
    add(unit, "{P},{U}新签约项目{N}个。".format(P=pword, U=topic(unit, i), N=5 + k), [fact(unit, span, "signed_projects", 5 + k)])
    i += 1

# 3b. A change and the level it came to: the level only (the figure it rose from, the difference, are none).
CHANGES = [
    ("{P},{U}签约金额由去年同期的{G}亿元增至{X}亿元。", "signed_investment", "X"),
    ("{P},{U}实际到位资金从上年同期的{G}亿元提高到{X}亿元。", "funds_in_place", "X"),
    ("{P},{U}新开工项目较去年同期增加{M}个,达到{N}个。", "started_projects", "N"),
    ("{P},{U}签约项目比上年同期多{M}个,达到{N}个。", "signed_projects", "N"),
]
for t, (pword, span) in itertools.product(CHANGES, PERIODS[:5]):
    template, metric, which = t
    unit = UNITS[i % len(UNITS)]
    value = 14 + (i * 11) % 160
    yi = round(40.5 + (i * 7.31) % 300, 2)
    add(unit, template.format(P=pword, U=topic(unit, i), N=value, M=3 + i % 9, X=yi, G=round(yi / 2, 1)),
        [fact(unit, span, metric, value if which == "N" else yi)])
    i += 1

# 4. Qualifiers.
for (before, after, qual), metric in itertools.product(QUALIFIERS, ["companies_visited", "inbound_visits", "funds_in_place"]):
    unit = UNITS[i % len(UNITS)]
    pword, span = PERIODS[i % len(PERIODS)]
    if metric == "companies_visited":
        value = 20 + i % 200
        s = ("{P},{U}拜访企业{B}{N}家{A}。" if after == "左右" else "{P},{U}拜访企业{B}{N}{A}家。").format(
            P=pword, U=unit, B=before, N=value, A=after)
    elif metric == "inbound_visits":
        value = 30 + i % 150
        s = ("{P},{U}接待客商{B}{N}批次{A}。" if after == "左右" else "{P},{U}接待客商{B}{N}{A}批次。").format(
            P=pword, U=unit, B=before, N=value, A=after)
    else:
        value = 10 + i % 90
        if after == "余":  # 10余亿元
            s = "{P},{U}实际到位资金{N}余亿元。".format(P=pword, U=unit, N=value)
        else:
            s = "{P},{U}实际到位资金{B}{N}亿元{A}。".format(P=pword, U=unit, B=before, N=value, A=after)
    add(unit, s, [fact(unit, span, metric, value, qual=qual)])
    i += 1

# 5. 其中 sub-counts of projects of a size, and growth rates beside a figure (no fact of their own).
for pword, span in PERIODS:
    unit = UNITS[i % len(UNITS)]
    a, b = 20 + i % 80, 2 + i % 9
    add(unit, "{P},{U}新签约项目{A}个,其中总投资10亿元以上项目{B}个。".format(P=pword, U=unit, A=a, B=b),
        [fact(unit, span, "signed_projects", a), fact(unit, span, "large_projects", b)])
    g = round(5 + (i * 1.7) % 40, 1)
    x = round(20 + (i * 3.3) % 300, 1)
    add(unit, "{P},{U}实际到位资金{X}亿元,同比增长{G}%。".format(P=pword, U=unit, X=x, G=g), [fact(unit, span, "funds_in_place", x)])
    # (a band of sizes, in a sentence of its own: no amount, and no count of a metric)
    add(unit, "{P},{U}新签约项目{A}个。签约项目投资额在5000万元至{B}亿元之间的项目{C}个。".format(P=pword, U=unit, A=a, B=b, C=b + 3),
        [fact(unit, span, "signed_projects", a)])
    i += 1

# 6. Completion of the year's task.
for pword, span in PERIODS:
    unit = UNITS[i % len(UNITS)]
    x = round(20 + (i * 2.9) % 200, 2)
    pct = round(20 + (i * 3.7) % 75, 1)
    add(unit, "{P},{U}实际到位资金{X}亿元,完成全年任务的{C}%。".format(P=pword, U=unit, X=x, C=pct),
        [fact(unit, span, "funds_in_place", x), fact(unit, span, "annual_completion_pct", pct)])
    i += 1

# 6a. A share spaced from its sign (a web page's 72.6 %) or said in words (百分之七十二点六).
for k, (pword, span) in enumerate(PERIODS[:3]):
    unit = UNITS[(i + k) % len(UNITS)]
    pct = round(41 + 7.3 * k, 1)
    add(unit, "{P},{U}实际到位资金{X}亿元,完成年度任务的 {C} %。".format(P=pword, U=unit, X=30 + k, C=pct),
        [fact(unit, span, "funds_in_place", 30 + k), fact(unit, span, "annual_completion_pct", pct)])
for k, (words, pct) in enumerate([("百分之七十二点六", 72.6), ("百分之八十", 80), ("百分之百", 100)]):
    pword, span = PERIODS[k]
    unit = UNITS[(i + k + 3) % len(UNITS)]
    add(unit, "{P},{U}签约项目{N}个,完成全年任务的{W}。".format(P=pword, U=unit, N=12 + k, W=words),
        [fact(unit, span, "signed_projects", 12 + k), fact(unit, span, "annual_completion_pct", pct)])
i += 6

# 6b. A share below or above a mark (低于, 高于), and one pledged by a quarter's end (a target for the
# months up to it).
for k, (pword, span) in enumerate(PERIODS[:4]):
    unit = UNITS[(i + k) % len(UNITS)]
    mark = 30 + 5 * k
    add(unit, "{P},{U}到位资金完成率低于{M}%,被列为黄色预警。".format(P=pword, U=unit, M=mark),
        [fact(unit, span, "annual_completion_pct", mark, qual="under")])
    add(unit, "{P},{U}完成年度任务的比例高于{M}%。".format(P=pword, U=unit, M=mark + 20),
        [fact(unit, span, "annual_completion_pct", mark + 20, qual="over")])
for k, (quarter, span) in enumerate([("一季度末", "Q1"), ("二季度末", "H1"), ("三季度末", "M01-M09")]):
    unit = UNITS[(i + k) % len(UNITS)]
    share = 25 + 25 * k
    add(unit, "今年,{U}要确保{Q}完成年度任务的{S}%以上。".format(U=unit, Q=quarter, S=share),
        [fact(unit, span, "annual_completion_pct", share, kind="target", qual="at_least")])
i += 4

# 7. Targets for the year: 力争, 确保, 目标是, 不低于, 以上.
TARGETS = [
    ("今年,{U}力争新签约项目{N}个以上。", "signed_projects", "at_least"),
    ("全年,{U}确保实际到位资金不低于{X}亿元。", "funds_in_place", "at_least"),
    ("{U}今年的目标是新签约项目{N}个。", "signed_projects", "exact"),
    ("今年,{U}力争签约总额达到{X}亿元。", "signed_investment", "exact"),
    ("下一步,{U}将确保全年新开工项目不少于{N}个。", "started_projects", "at_least"),
    ("今年,{U}计划举办招商推介活动{N}场。", "promotion_events", "exact"),
]
for k, (t, metric, qual) in enumerate(TARGETS * 4):
    unit = UNITS[i % len(UNITS)]
    value = 10 + (i * 5) % 300 if "{N}" in t else round(50 + (i * 9.5) % 500, 1)
    add(unit, t.format(U=unit, N=value, X=value), [fact(unit, "FY", metric, value, kind="target", qual=qual)])
    i += 1

# 7b. A plan by a deadline (6月底前): for the months up to it; 12月底前, 年底前: for the year.
DEADLINES = [("{U}要确保6月底前新签约项目{N}个。", "H1"), ("{U}力争9月底前实现到位资金{X}亿元。", "M01-M09"),
             ("{U}确保12月底前完成签约项目{N}个的年度任务。", "FY"), ("{U}确保年底前新开工项目{N}个。", "FY")]
for t, span in DEADLINES * 2:
    unit = UNITS[i % len(UNITS)]
    value = 10 + (i * 5) % 300 if "{N}" in t else round(50 + (i * 9.5) % 500, 1)
    metric = "funds_in_place" if "到位资金" in t else "started_projects" if "开工" in t else "signed_projects"
    add(unit, t.format(U=unit, N=value, X=value), [fact(unit, span, metric, value, kind="target")])
    i += 1

# 8. Lists of units that share one cue, and 分别.
LIST_UNITS = [("蒙自市", "弥勒市", "建水县"), ("恩施市", "利川市", "建始县"), ("南康区", "章贡区", "于都县"),
              ("邵东县", "隆回县", "武冈市")]
BARE_LISTS = [("蒙自", "弥勒", "蒙自市", "弥勒市", "两市分别"), ("恩施", "利川", "恩施市", "利川市", "依次"),
              ("南康", "章贡", "南康区", "章贡区", "分别"), ("邵东", "隆回", "邵东市", "隆回县", "两地分别")]
for k, (u1, u2, u3) in enumerate(LIST_UNITS * 2):
    pword, span = PERIODS[k % len(PERIODS)]
    subject = "红河州"
    a, b, c = 30 - k, 20 - k, 10 + k
    add(subject, "{P},从新签约项目看,{A}{a}个、{B}{b}个、{C}{c}个。".format(P=pword, A=u1, B=u2, C=u3, a=a, b=b, c=c),
        [fact(u1, span, "signed_projects", a), fact(u2, span, "signed_projects", b), fact(u3, span, "signed_projects", c)])
    x, y = round(40.5 - k, 1), round(30.25 + k, 2)
    add(subject, "{P},到位资金方面,{A}{x}亿元、{B}{y}亿元。".format(P=pword, A=u1, B=u2, x=x, y=y),
        [fact(u1, span, "funds_in_place", x), fact(u2, span, "funds_in_place", y)])
    # 均: the figure is each unit's (not 人均, a figure per head).
    add(subject, "{P},{A}、{B}新签约项目均超过{n}个。".format(P=pword, A=u1, B=u2, n=8 + k),
        [fact(u1, span, "signed_projects", 8 + k, qual="over"), fact(u2, span, "signed_projects", 8 + k, qual="over")])
    # A count with no noun (B签约5个) in a report that has counted signed projects already is of them.
    add(subject, "{P},全州新签约项目{n}个。{A}签约{a}个、到位资金{x}亿元;{B}签约{b}个。".format(P=pword, A=u1, B=u2, n=60 + k, a=a, b=b, x=x),
        [fact(subject, span, "signed_projects", 60 + k), fact(u1, span, "signed_projects", a), fact(u1, span, "funds_in_place", x),
         fact(u2, span, "signed_projects", b)])
    # 各 or 均 just after the list (A、B各引进项目3个): the figure is each unit's too.
    add(subject, "{P},{A}、{B}、{C}{E}引进项目{n}个。".format(P=pword, A=u1, B=u2, C=u3, E="各均"[k % 2], n=3 + k),
        [fact(u, span, "introduced_projects", 3 + k) for u in (u1, u2, u3)])
    # Units without their suffix, said to be units by the words after the list; each is the division
    # of that name today (邵东 is 邵东市, once 邵东县).
    b1, b2, n1, n2, word = BARE_LISTS[k % len(BARE_LISTS)]
    add(subject, "{P},{A}、{B}{W}新签约项目{a}个、{b}个。".format(P=pword, A=b1, B=b2, W=word, a=a, b=b),
        [fact(n1, span, "signed_projects", a), fact(n2, span, "signed_projects", b)])
    p1, p2 = round(60.5 - k, 1), round(48.2 + k, 1)
    add(subject, "{P},{A}、{B}分别完成年度任务的{p}%、{q}%。".format(P=pword, A=u1, B=u2, p=p1, q=p2),
        [fact(u1, span, "annual_completion_pct", p1), fact(u2, span, "annual_completion_pct", p2)])

# 9. Changes and parts: a change against a base (增加3个, 较上月) is no level, and the amount of a kind of
# project counted after 其中 is no unit's total; amounts in Chinese numerals with 点.
CN_AMOUNTS = [("六十三点五", 63.5), ("四十二点六", 42.6), ("九点八", 9.8), ("一百零二点三", 102.3)]
for k in range(8):
    unit = UNITS[i % len(UNITS)]
    pword, span = PERIODS[k % len(PERIODS)]
    n, m = 20 + k, 3 + k % 4
    add(unit, "{P},{U}新开工项目{N}个,较上月增加{M}个。".format(P=pword, U=unit, N=n, M=m),
        [fact(unit, span, "started_projects", n)])
    add(unit, "{P},{U}新签约项目{N}个,与上年同期相比增加{M}个。".format(P=pword, U=unit, N=n + 5, M=m),
        [fact(unit, span, "signed_projects", n + 5)])
    x, y = round(150.5 + k * 7.1, 1), round(90.25 + k, 2)
    add(unit, "{P},{U}新签约项目{N}个,协议引资{X}亿元;其中工业项目{n}个,协议引资{Y}亿元。".format(
        P=pword, U=unit, N=n + 9, X=x, n=n - 4, Y=y),
        [fact(unit, span, "signed_projects", n + 9), fact(unit, span, "signed_investment", x)])
    # (50个亿: 亿元 as people say it)
    add(unit, "{P},{U}到位资金近{N}个亿。".format(P=pword, U=unit, N=n + 10),
        [fact(unit, span, "funds_in_place", n + 10, qual="approx")])
    words, value = CN_AMOUNTS[k % len(CN_AMOUNTS)]
    add(unit, "{P},{U}成功签约项目{N}个,签约资金{W}亿元。".format(P=pword, U=unit, N=n, W=words),
        [fact(unit, span, "signed_projects", n), fact(unit, span, "signed_investment", value)])
    i += 1

# 10. Lists of periods: in turn after 分别, together without it (一、二季度 is H1; years together are
# no year's figure); a range of years gives each year in it.
for k in range(6):
    unit = UNITS[i % len(UNITS)]
    a, b, c = 40 + k, 52 + k, 61 + k
    add(unit, "2021年至2023年,{U}签约项目分别为{a}个、{b}个、{c}个。".format(U=unit, a=a, b=b, c=c),
        [fact(unit, "FY", "signed_projects", a, year=2021), fact(unit, "FY", "signed_projects", b, year=2022),
         fact(unit, "FY", "signed_projects", c, year=2023)])
    add(unit, "一、二季度,{U}分别新开工项目{a}个、{b}个。".format(U=unit, a=a - 30, b=b - 30),
        [fact(unit, "Q1", "started_projects", a - 30), fact(unit, "Q2", "started_projects", b - 30)])
    add(unit, "一、二季度,{U}共引进项目{c}个。".format(U=unit, c=c),
        [fact(unit, "H1", "introduced_projects", c)])
    x, y = round(3.5 + k, 1), round(6.25 + k, 2)
    add(unit, "5、6月份,{U}签约金额分别为{x}亿元、{y}亿元。".format(U=unit, x=x, y=y),
        [fact(unit, "M05", "signed_investment", x), fact(unit, "M06", "signed_investment", y)])
    add(unit, "2022年和2023年,{U}累计签约项目{n}个。".format(U=unit, n=a + b), [])
    # (到5月底, 至6月末: the year so far, as 截至5月底)
    add(unit, "{w}{m}月底,{U}累计签约项目{n}个。".format(w="到至"[k % 2], m=4 + k % 3, U=unit, n=a + 7),
        [fact(unit, "YTD", "signed_projects", a + 7)])
    # (元 is January: 元月份, 元至8月)
    add(unit, "元月份,{U}签约项目{n}个。".format(U=unit, n=k + 2), [fact(unit, "M01", "signed_projects", k + 2)])
    add(unit, "元至{m}月,{U}签约项目{n}个。".format(U=unit, m=7 + k % 2, n=a), [fact(unit, "M01-M%02d" % (7 + k % 2), "signed_projects", a)])
    # (头 after 今年: the first months of this year)
    add(unit, "今年头{m}个月,{U}新开工项目{n}个。".format(U=unit, m="五六七八九十"[k], n=b - 40),
        [fact(unit, "H1" if k == 1 else "M01-M%02d" % (5 + k), "started_projects", b - 40)])
    i += 1

# 11. An event's day gives its figures their month; words of the trade that hold a dateline's
# characters (电池, 电子, 资讯) do not make the day a dateline's.
for k, industry in enumerate(["动力电池", "电子信息", "光电", "数字资讯"]):
    unit = UNITS[i % len(UNITS)]
    month = 3 + k
    add(unit, "{m}月16日,{U}{I}产业招商推介会举行。会上,共有{n}个项目签约。".format(m=month, U=unit, I=industry, n=12 + k),
        [fact(unit, "M%02d" % month, "signed_projects", 12 + k)])
    i += 1

# 12. Kinds of units after 各 are no unit (各苏木乡镇: though a place is called 苏木乡); a figure of a
# group of units alike (等5个镇) is none's own.
for k in range(4):
    unit = UNITS[i % len(UNITS)]
    pword, span = PERIODS[k % len(PERIODS)]
    add(unit, "{P},{U}各苏木乡镇累计外出招商{N}批次。".format(P=pword, U=unit, N=60 + k),
        [fact(unit, span, "outbound_trips", 60 + k)])
    add(unit, "{P},{U}原公镇、桔园镇等{n}个镇到位资金不足1亿元。".format(P=pword, U=unit, n=4 + k), [])
    i += 1

# 13. After a semicolon a clause goes on with the figures of the one before: counts of the projects
# it counted (and 和 between figures, as 、), a share said to be done after shares of the task.
for k, (u1, u2, u3) in enumerate(LIST_UNITS):
    pword, span = PERIODS[(k + 3) % len(PERIODS)]
    a, b, c = 45 - k, 33 - k, 21 + k
    add("红河州", "{P},从签约项目看,{A}签约{a}个;{B}、{C}分别签约{b}个和{c}个。".format(P=pword, A=u1, B=u2, C=u3, a=a, b=b, c=c),
        [fact(u1, span, "signed_projects", a), fact(u2, span, "signed_projects", b), fact(u3, span, "signed_projects", c)])
    p1, p2, p3 = round(70.5 - k, 1), round(66.2 - k, 1), round(40.8 + k, 1)
    add("红河州", "{P},{A}、{B}分别完成年度任务的{p}%、{q}%;{C}进度滞后,仅完成{r}%。".format(P=pword, A=u1, B=u2, C=u3, p=p1, q=p2, r=p3),
        [fact(u1, span, "annual_completion_pct", p1), fact(u2, span, "annual_completion_pct", p2),
         fact(u3, span, "annual_completion_pct", p3)])

    # (蒙自市、弥勒市共…: the sum of the units listed, none's own)
    add("红河州", "{P},{A}、{B}共完成到位资金{x}亿元。".format(P=pword, A=u1, B=u2, x=round(88.5 + k, 1)), [])
    # (在蒙自市, … at a sentence's start: the unit the sentence is about, not where something happened)
    add("红河州", "在{A},{P}新签约项目{a}个。".format(A=u1, P=pword, a=a + 3), [fact(u1, span, "signed_projects", a + 3)])

# 14. A task, then what is done of it: 任务为 makes a target, 已 after it comes back to what happened,
# and a bare 完成 share after the task is the share of it.
for k in range(4):
    unit = UNITS[i % len(UNITS)]
    x, y, p = 80 + k * 5, round(52.3 + k, 1), round(65.4 + k, 1)
    add(unit, "{U}全年到位资金任务为{x}亿元,目前已完成{y}亿元,完成率{p}%。".format(U=unit, x=x, y=y, p=p),
        [fact(unit, "FY", "funds_in_place", x, kind="target"), fact(unit, "YTD", "funds_in_place", y),
         fact(unit, "YTD", "annual_completion_pct", p)])
    n, m, q = 45 + k, 38 + k, round(84.4 - k, 1)
    add(unit, "{U}今年签约项目任务数为{n}个,已签约{m}个,完成{q}%。".format(U=unit, n=n, m=m, q=q),
        [fact(unit, "FY", "signed_projects", n, kind="target"), fact(unit, "YTD", "signed_projects", m),
         fact(unit, "YTD", "annual_completion_pct", q)])
    add(unit, "{U}今年计划签约项目{n}个,目前已完成{m}个,完成率{q}%。".format(U=unit, n=n, m=m, q=q),
        [fact(unit, "FY", "signed_projects", n, kind="target"), fact(unit, "YTD", "signed_projects", m),
         fact(unit, "YTD", "annual_completion_pct", q)])
    # (a task and what is done of it, then after a semicolon another: the plan does not carry on
    # over what was done last)
    add(unit, "{U}今年签约项目任务数为{n}个,已完成签约项目{m}个;到位资金任务数为{x}亿元,已完成到位资金{y}亿元。".format(U=unit, n=n, m=m, x=x, y=y),
        [fact(unit, "FY", "signed_projects", n, kind="target"), fact(unit, "YTD", "signed_projects", m),
         fact(unit, "FY", "funds_in_place", x, kind="target"), fact(unit, "YTD", "funds_in_place", y)])
    i += 1

# 15. A park the gazetteer does not know, in a 其中 list after a unit it knows, keeps its share: it is
# not the unit's before it.
for k, (pword, span) in enumerate(PERIODS[:4]):
    n, a, b = 30 + k, 6 + k, 9 + k
    add("吴兴区", "{P},吴兴区新签约项目{n}个,其中,织里镇签约项目{a}个,星火工业园签约项目{b}个。".format(P=pword, n=n, a=a, b=b),
        [fact("吴兴区", span, "signed_projects", n), fact("织里镇", span, "signed_projects", a)])
    # (in a breakdown by area too; and a park named after its district's place, 吴兴港经济区 or
    # 吴兴现代农业产业园, is not known by that place's name, nor by the township some other county has of the
    # park's generic name)
    park = ["吴兴港经济区", "吴兴现代农业产业园"][k % 2]
    add("吴兴区", "{P},吴兴区新签约项目{n}个。从板块看,{Z}签约项目{b}个,织里镇签约项目{a}个。".format(P=pword, n=n, a=a, b=b, Z=park),
        [fact("吴兴区", span, "signed_projects", n), fact("织里镇", span, "signed_projects", a)])

# 16. Vague amounts: 上百家 is a hundred and more; 数十批次, 几十家 are no figure.
for k, (pword, span) in enumerate(PERIODS[4:8]):
    unit = UNITS[(i + k) % len(UNITS)]
    add(unit, "{P},{U}拜访企业上百家,接待客商数十批次。".format(P=pword, U=unit),
        [fact(unit, span, "companies_visited", 100, qual="over")])
    add(unit, "{P},{U}外出招商几十次。".format(P=pword, U=unit), [])

# 17a. A share as a fraction: 完成全年任务的三分之二 is 66.7%.
for k, (words, value) in enumerate([("三分之二", 66.7), ("四分之三", 75.0), ("三分之一", 33.3), ("五分之四", 80.0)]):
    unit = UNITS[(i + k) % len(UNITS)]
    pword, span = PERIODS[k % len(PERIODS)]
    add(unit, "{P},{U}实际到位资金完成{x}亿元,完成全年任务的{w}。".format(P=pword, U=unit, x=40 + k, w=words),
        [fact(unit, span, "funds_in_place", 40 + k), fact(unit, span, "annual_completion_pct", value)])

# 17. A floor (不少于, 不低于) in a pledge without a target word is a target too.
for k in range(4):
    unit = UNITS[(i + k) % len(UNITS)]
    add(unit, "“我们将围绕产业链开展精准招商,全年签约项目不少于{n}个。”{U}相关负责人表示。".format(n=20 + k, U=unit),
        [fact(unit, "FY", "signed_projects", 20 + k, kind="target", qual="at_least")])

    # (确保…,力争…: a higher aim for the same figure)
    add(unit, "今年{U}确保全年到位资金完成{x}亿元,力争突破{y}亿元。".format(U=unit, x=100 + k, y=120 + k),
        [fact(unit, "FY", "funds_in_place", 100 + k, kind="target"), fact(unit, "FY", "funds_in_place", 120 + k, kind="target", qual="at_least")])

# 17b. Trips led by the heads: a slogan in quotation marks (坚持“一把手”招商) names no leader; “一把手”带队 does.
for k in range(4):
    unit = UNITS[(i + k) % len(UNITS)]
    add(unit, "今年以来,{U}坚持“一把手”招商,领导干部带队外出招商{n}批次。".format(U=unit, n=30 + k),
        [fact(unit, "YTD", "outbound_trips", 30 + k)])
    add(unit, "今年以来,{U}党政“一把手”带队外出招商{n}次。".format(U=unit, n=6 + k),
        [fact(unit, "YTD", "leader_outbound_trips", 6 + k)])

# 18. No fact: figures of no metric, of one company, noise.
NONE = ["{P},{U}地区生产总值完成{X}亿元,增长6.8%。", "{P},{U}固定资产投资增长{G}%。",
        "{P},{U}实际利用外资{G}亿美元。", "{P},{U}进出口总额{X}亿元。",
        "其中,某某新材料有限公司年产5万吨项目总投资{X}亿元。",
        "该公司项目建成后预计年产值{X}亿元。", "该项目全部达产后预计年产值{X}亿元。", "{U}营商环境持续优化,群众满意度不断提升。",
        "近五年来,{U}累计签约项目{N}个。", "{P},{U}一般公共预算收入{X}亿元。", "过去五年,{U}累计引进项目{N}个。",
        "{P},{U}签约项目完成率较上年提高{G}个百分点。", "{P},{U}签约项目比上年同期增加{N}个。",
        "{U}高端装备产业园项目总投资{X}亿元,预计年纳税{G}亿元。", "经过{N}个月的洽谈,{U}与某某集团达成合作意向。",
        "“我们公司今年订单饱满,预计营收突破{G}亿元。”企业负责人说。", "{P},{U}去年产值突破{X}亿元。",
        "作为{U}引进的头部企业,某某智能去年营收突破{X}亿元。",
        "{U}对已签约未开工的{N}个项目实行挂牌督办。", "{U}要求县级领导每人全年带队外出招商不少于{G}次。",
        "{U}各乡镇每月外出招商不少于2次。", "{P},{U}签约项目数、到位资金两项指标均居全市首位。",
        "{P},{U}实际使用外资{G}亿美元,完成全年任务的{X}%。",
        "{U}签约的高端纸业项目总投资{X}亿元,是今年签约的单体投资最大项目。",
        "在{U}某新材料公司,负责人介绍,公司去年实现营收{X}亿元,同比增长{G}%。",
        "{P},{U}新签约项目数比去年同期多{N}个。", "{P},{U}较上年同期少引进项目{N}个。",
        "该项目总投资{X}亿元,去年建成投产,全年产值预计超过{G}亿元、纳税{G}亿元。",
        "{P},区商务局、区发改委分别引进项目{N}个、3个。",
        "{P},{U}开展重点项目观摩活动3次,举办企业培训活动5场。"]
for k, t in enumerate(NONE * 2):
    unit = UNITS[i % len(UNITS)]
    pword, _ = PERIODS[i % len(PERIODS)]
    add(unit, t.format(P=pword, U=unit, X=round(100 + k * 3.3, 1), G=round(2 + k * 0.7, 1), N=100 + k), [])
    i += 1

# 19. Amounts in digits and a numeral's place, alone or after 亿 (5千万元, 7亿5千万元): one amount in 亿元.
for k in range(6):
    unit, pword, span = next_place()
    a, b = 3 + k, 1 + k
    add(unit, "{P},{U}实际到位资金{a}亿{b}千万元。".format(P=pword, U=unit, a=a, b=b),
        [fact(unit, span, "funds_in_place", a + b / 10)])
    add(unit, "{P},{U}实际到位资金{b}千万元。".format(P=pword, U=unit, b=b),
        [fact(unit, span, "funds_in_place", b / 10)])

# 20. Counts of things that are no projects after a project's verb (人才团队, 研发平台): no fact.
for k, t in enumerate(["{P},{U}新引进高层次人才团队{N}个。", "{P},{U}引进省级研发平台{N}个,新增博士工作站2个。"]):
    unit = UNITS[i % len(UNITS)]
    pword, _ = PERIODS[i % 4]
    add(unit, t.format(P=pword, U=unit, N=5 + k), [])
    i += 1

# 21. A rate right after a list of units, no 分别: each unit's (海陵区、高港区完成率低于50%).
for k, (unit, listed) in enumerate([("红河州", ["蒙自市", "弥勒市"]), ("吴兴区", ["织里镇", "八里店镇", "埭溪镇"])]):
    _, pword, span = next_place()
    add(unit, "{P},{L}签约总额完成率低于{N}%,予以黄色预警。".format(P=pword, L="、".join(listed), N=40 + 5 * k),
        [fact(u, span, "annual_completion_pct", 40 + 5 * k, qual="under") for u in listed])

# 22. The figures of a unit's own level (县本级, 市本级), a part of it and no unit: no fact of theirs.
for k, (unit, town, own) in enumerate([("攸县", "皇图岭镇", "县本级"), ("四会市", "东城街道", "市本级")]):
    _, pword, span = next_place()
    add(unit, "{P},{T}签约项目{a}个,签约资金{b}亿元;{O}签约项目{c}个。".format(P=pword, T=town, O=own, a=3 + k, b=8.5 + k, c=4 + k),
        [fact(town, span, "signed_projects", 3 + k), fact(town, span, "signed_investment", 8.5 + k)])

# 23. A responsible department's share goes on through the clauses after it (签约资金 after 市商务局引进项目6个),
# until a clause names a unit: none of it is the area's.
for k, (unit, town) in enumerate([("攸县", "皇图岭镇"), ("四会市", "东城街道")]):
    _, pword, span = next_place()
    dept = KIND[unit] + "商务局"
    add(unit, "{P},{U}新签约项目{a}个。从责任单位看,{D}引进项目{b}个,签约资金{c}亿元;{T}引进项目{d}个。".format(
            P=pword, U=unit, D=dept, T=town, a=30 + k, b=6 + k, c=28.4 + k, d=4 + k),
        [fact(unit, span, "signed_projects", 30 + k), fact(town, span, "introduced_projects", 4 + k)])

# 24. The same span a year before (去年同期, 上年同期), the base of the report's own figure: no fact.
for k, base in enumerate(["去年同期", "上年同期"]):
    unit, pword, span = next_place()
    add(unit, "{P},{U}新签约项目{a}个,签约资金{b}亿元。{B}签约项目{c}个。".format(P=pword, U=unit, B=base, a=15 + k, b=62.3 + k, c=11 + k),
        [fact(unit, span, "signed_projects", 15 + k), fact(unit, span, "signed_investment", 62.3 + k)])

# 25. Half of the year's task, and more than half (一半以上, 半数以上): 50 over, as 过半 is.
for k, half in enumerate(["一半以上", "半数以上"]):
    unit, pword, span = next_place()
    add(unit, "{P},{U}实际到位资金完成全年任务的{H}。".format(P=pword, U=unit, H=half),
        [fact(unit, span, "annual_completion_pct", 50, qual="over")])

# 26. A band of shares done (完成率在60%—83.3%之间), a warning bulletin's yellow: no figure; the unit below it
# with its own share is one.
for k, (low, high) in enumerate([("60%", "83.3%"), ("50%", "75%")]):
    unit, pword, span = next_place()
    add(unit, "{P},{U}签约金额完成率在{L}—{H}之间,予以黄色预警;{U}实际到位资金完成年度任务的{c}%。".format(P=pword, U=unit, L=low, H=high, c=41.5 + k),
        [fact(unit, span, "annual_completion_pct", 41.5 + k)])

# 27. Projects that went from one step straight to the next (拿地即开工, 签约即投产): how fast, not a count of
# the stage; after 当即 (there and then) they are one.
for k, slogan in enumerate(["拿地即开工", "签约即投产"]):
    unit, pword, span = next_place()
    add(unit, "{P},{U}签约项目{a}个,其中{c}个项目实现{S}。".format(P=pword, U=unit, a=19 + k, c=5 + k, S=slogan),
        [fact(unit, span, "signed_projects", 19 + k)])
unit, pword, span = next_place()
add(unit, "{P},{U}举办推介会,12个项目当即签约。".format(P=pword, U=unit), [fact(unit, span, "signed_projects", 12)])

# 28. After the year's target, what is done by a period of its own (截至8月底已到位, 1-8月已引进): actual.
for k, (done, dspan) in enumerate([("截至6月底已到位", "YTD"), ("1-6月已到位", "H1")]):
    unit = UNITS[i % len(UNITS)]
    add(unit, "今年,{U}年初确定的到位资金任务是80亿元,{D}资金{v}亿元。".format(U=unit, D=done, v=41.3 + k),
        [fact(unit, "FY", "funds_in_place", 80, kind="target"), fact(unit, dspan, "funds_in_place", 41.3 + k)])
    i += 1

# 29. An amount straight after a count of projects (新签约项目32个、118.6亿元): the amount of those projects,
# as after 总投资; of projects brought in (引进), no metric's.
for k, (verb, sep, count, amount) in enumerate([("新签约", "、", "signed_projects", "signed_investment"),
                                                ("新开工", ",", "started_projects", "started_investment"),
                                                ("引进", "、", "introduced_projects", None)]):
    unit, pword, span = next_place()
    facts = [fact(unit, span, count, 32 + k)]
    if amount:
        facts.append(fact(unit, span, amount, 118.6 + k))
    add(unit, "{P},{U}{V}项目{a}个{S}{b}亿元。".format(P=pword, U=unit, V=verb, a=32 + k, S=sep, b=118.6 + k), facts)

# 30. The pool named again (41个新引进项目中,已开工31个): no figure of its own, its part after it one; and a
# stage's projects named again after a kind's count (其中…项目2个,新签约项目合同引资额152.6亿元) are the whole's.
unit, pword, span = next_place()
add(unit, "{P},{U}新引进项目41个。41个新引进项目中,已开工31个。".format(P=pword, U=unit),
    [fact(unit, span, "introduced_projects", 41), fact(unit, span, "started_projects", 31)])
unit, pword, span = next_place()
add(unit, "{P},{U}新引进项目41个,其中三类500强项目2个,新签约项目合同引资额152.6亿元。".format(P=pword, U=unit),
    [fact(unit, span, "introduced_projects", 41), fact(unit, span, "signed_investment", 152.6)])

# 31. A list of counts whose noun follows the last (分别以8个、6个签约项目位列前二): each count is of it.
for k, verb in enumerate(["签约", "开工"]):
    _, pword, span = next_place()
    metric = "signed_projects" if verb == "签约" else "started_projects"
    add("吴兴区", "{P},织里镇、八里店镇分别以{a}个、{b}个{V}项目位列全区前二。".format(P=pword, a=8 + k, b=6 + k, V=verb),
        [fact("织里镇", span, metric, 8 + k), fact("八里店镇", span, metric, 6 + k)])

# 32. Two kinds or sizes listed under 其中, each with its count and no amount, then a plain amount
# (其中工业项目98个、服务业项目48个,计划总投资1026亿元): the amount is the whole's; one kind's amount stays none.
for k, (kinds, whole) in enumerate([("工业项目{a}个、服务业项目{b}个", True), ("10亿元以上项目{a}个、50亿元以上项目{b}个", True),
                                    ("工业项目{a}个", False)]):
    unit, pword, span = next_place()
    a, b = 9 + k, 4 + k
    facts = [fact(unit, span, "signed_projects", 15 + k)]
    if "亿元以上" in kinds:
        facts += [fact(unit, span, "large_projects", a)]
    if whole:
        facts.append(fact(unit, span, "signed_investment", 86.5 + k))
    add(unit, ("{P},{U}新签约项目{n}个,其中" + kinds + ",计划总投资{m}亿元。").format(P=pword, U=unit, n=15 + k, a=a, b=b, m=86.5 + k), facts)

# 33. A span over years opening the passage (去年以来,…), then a year that opens a sentence: what follows
# the year's semicolon is still that year's.
unit, _, _ = next_place()
add(unit, "去年以来,{U}把招商引资作为头号工程。2023年,{U}共签约项目24个,总投资87.6亿元;落地开工项目17个。".format(U=unit),
    [fact(unit, "FY", "signed_projects", 24, year=2023), fact(unit, "FY", "signed_investment", 87.6, year=2023),
     fact(unit, "FY", "started_projects", 17, year=2023)])

# 34. A rate ranked, then the amount itself (到位资金增速居全市第一,达41.3亿元): the amount; a rate after it, none.
for k, (rank, tail, metric) in enumerate([("增速居全市第一,达", "亿元", "funds_in_place"), ("增幅位居全市第二位,为", "亿元", "funds_in_place"),
                                          ("增幅位居全市第二,为", "%", None)]):
    unit, pword, span = next_place()
    add(unit, "{P},{U}到位资金{R}{v}{T}。".format(P=pword, U=unit, R=rank, v=41.3 + k, T=tail),
        [fact(unit, span, metric, 41.3 + k)] if metric else [])

# 35. Brackets saying what a figure includes (签约项目33个(含续建项目3个)): a part of it of the same metric is
# no figure; one of another metric (含10亿元以上项目12个, 包括增资扩产项目5个) is that metric's.
for k, (inside, extra) in enumerate([("(含续建项目{b}个)", None), ("(含10亿元以上项目{b}个)", "large_projects"),
                                     ("(包括增资扩产项目{b}个)", "capital_increase_projects"), ("(其中续建项目{b}个)", None)]):
    unit, pword, span = next_place()
    facts = [fact(unit, span, "signed_projects", 33 + k), fact(unit, span, "signed_investment", 198.6 + k)]
    if extra:
        facts.insert(1, fact(unit, span, extra, 3 + k))
    add(unit, ("{P},{U}签约项目{a}个" + inside + ",协议投资额{m}亿元。").format(P=pword, U=unit, a=33 + k, b=3 + k, m=198.6 + k), facts)

# 36. Two units' figure together (城西区、城东区两区签约项目合计20个; 西青区和北辰区…两区实际到位资金合计…): neither's;
# 分别 after them gives each its own.
_, pword, span = next_place()
add("西宁市", "{P},城西区、城东区两区分别签约项目12个、8个。城西区、城东区两区签约项目合计20个。".format(P=pword),
    [fact("城西区", span, "signed_projects", 12), fact("城东区", span, "signed_projects", 8)])
_, pword, span = next_place()
add("天津市", "{P},西青区和北辰区招商势头强劲。西青区新签约项目58个,北辰区新签约项目40个;两区实际到位资金合计86.2亿元。".format(P=pword),
    [fact("西青区", span, "signed_projects", 58), fact("北辰区", span, "signed_projects", 40)])

# 37. A labelled figure and the change after it in brackets (签约项目数:16个(同比增加5个)): the figure only.
unit, pword, span = next_place()
add(unit, "{P}{U}主要指标:签约项目数:16个(同比增加5个);签约金额:68.4亿元(同比增长23.5%)。".format(P=pword, U=unit),
    [fact(unit, span, "signed_projects", 16), fact(unit, span, "signed_investment", 68.4)])

# 38. What the signing a report is about came to (此次共签约项目3个), with no period of its own: the month the
# report came out in, beside the year so far.
unit, _, _ = next_place()
add(unit, "本次集中签约的项目包括:智能装备制造基地项目,总投资12亿元;冷链物流园项目,总投资3.2亿元。此次共签约项目3个,总投资23.7亿元。"
    "今年以来,{U}已累计签约项目46个。".format(U=unit),
    [fact(unit, "M07", "signed_projects", 3), fact(unit, "M07", "signed_investment", 23.7), fact(unit, "YTD", "signed_projects", 46)])

# 39. The same span a year before opening a sentence (去年同期,全县签约项目仅11个): a base, no figure; a span
# named after it is the figures' again.
unit, pword, span = next_place()
add(unit, "去年同期,{U}签约项目仅11个。{P},{U}签约项目达到19个。".format(P=pword, U=unit),
    [fact(unit, span, "signed_projects", 19)])
add(unit, "去年同期签约项目11个,{P}{U}签约项目达到19个。".format(P=pword, U=unit),
    [fact(unit, span, "signed_projects", 19)])

# 40. 累计 in a clause after a month's (其中,9月份新开工项目21个,累计新开工198个): the year up to that month.
unit, _, _ = next_place()
add(unit, "1-9月,{U}新签约项目286个;其中,9月份新开工项目21个,累计新开工198个。".format(U=unit),
    [fact(unit, "M01-M09", "signed_projects", 286), fact(unit, "M09", "started_projects", 21),
     fact(unit, "M01-M09", "started_projects", 198)])

# 41. Figures in brackets after the year's goal, each with its own words (与年度目标(签约项目60个、总投资300亿元)
# 相比): the year's targets.
unit, pword, span = next_place()
add(unit, "{P},{U}签约项目48个,总投资236.7亿元。与年度目标(签约项目60个、总投资300亿元)相比,仍有差距。".format(P=pword, U=unit),
    [fact(unit, span, "signed_projects", 48), fact(unit, span, "signed_investment", 236.7),
     fact(unit, "FY", "signed_projects", 60, kind="target"), fact(unit, "FY", "signed_investment", 300, kind="target")])

# 42. A bulleted list run into one line (…开门红●今年招商引资总目标●新签约项目总额不低于400亿元): each bullet
# opens an item; a quarter's report's plan, naming no span of its own, is for the year.
unit, _, _ = next_place()
add(unit, "一季度,{U}签约项目21个,总签约额达290亿元●取得了“开门红”●今年招商引资总目标●新签约项目总额不低于400亿元"
    .format(U=unit),
    [fact(unit, "Q1", "signed_projects", 21), fact(unit, "Q1", "signed_investment", 290),
     fact(unit, "FY", "signed_investment", 400, kind="target", qual="at_least")])
unit, _, _ = next_place()
add(unit, "上半年,{U}签约项目32个。下一步,力争签约项目突破60个。".format(U=unit),
    [fact(unit, "H1", "signed_projects", 32), fact(unit, "FY", "signed_projects", 60, kind="target", qual="at_least")])

# 43. More than an amount, of projects (总投资5亿余元的项目有3个, 10亿多元的项目2个): a size class, no amount
# (of 10亿 and more, the count of large projects).
for k, size in enumerate(["5亿余元的项目有{c}个", "10亿多元的项目{c}个"]):
    unit, pword, span = next_place()
    facts = [fact(unit, span, "signed_projects", 20 + k), fact(unit, span, "funds_in_place", 8.5 + k)]
    if size.startswith("10"):
        facts.insert(1, fact(unit, span, "large_projects", 3 + k))
    add(unit, ("{P},{U}签约项目{a}个,其中总投资" + size + ";到位资金{b}亿元。").format(P=pword, U=unit, a=20 + k, c=3 + k, b=8.5 + k), facts)

# 44. 各 right before the figure after a list (织里镇、八里店镇签约项目各5个): each unit's.
_, pword, span = next_place()
add("吴兴区", "{P},织里镇、八里店镇签约项目各5个,到位资金各2.5亿元。".format(P=pword),
    [fact("织里镇", span, "signed_projects", 5), fact("八里店镇", span, "signed_projects", 5),
     fact("织里镇", span, "funds_in_place", 2.5), fact("八里店镇", span, "funds_in_place", 2.5)])

# 45. A warning band's bounds written with a comparison (绿色(完成率≥66.7%), 50%≤完成率<66.7%): no figure.
_, pword, span = next_place()
add("吴兴区", "{P},吴兴区签约金额完成年度目标的58.7%。绿色(完成率≥66.7%):织里镇;黄色(50%≤完成率<66.7%):八里店镇;"
    "红色(完成率<50%):埭溪镇。".format(P=pword),
    [fact("吴兴区", span, "annual_completion_pct", 58.7)])

# 46. Since a month (5月份以来) in a report of July: that month to July; since a month after the report's
# (10月份以来, last year's), up to a day unknown: no figure's span.
unit, _, _ = next_place()
add(unit, "5月份以来,{U}新签约项目6个。".format(U=unit), [fact(unit, "M05-M07", "signed_projects", 6)])
add(unit, "1-6月,{U}新签约项目31个。10月份以来,又新签约项目6个。{U}到位资金48.2亿元。".format(U=unit),
    [fact(unit, "H1", "signed_projects", 31), fact(unit, "H1", "funds_in_place", 48.2)])

# 47. A clause of an area breakdown opening with a name no list knows (分镇街看,城北组团引进项目12个,到位资金5.2亿元;
# 织里镇…): that area's, not the report's unit's.
_, pword, span = next_place()
add("吴兴区", "{P},吴兴区引进项目41个。分镇街看,城北组团引进项目12个,到位资金5.2亿元;织里镇引进项目8个,到位资金3.1亿元。".format(P=pword),
    [fact("吴兴区", span, "introduced_projects", 41), fact("织里镇", span, "introduced_projects", 8),
     fact("织里镇", span, "funds_in_place", 3.1)])

here = os.path.dirname(os.path.realpath(__file__))
with open(os.path.join(here, "phrasings.tsv"), "w", encoding="utf-8", newline="\n") as fh:
    fh.write("# written by make-phrasings.py: id, unit of the report, sentence, facts (district|year|span|metric|kind|value|qualifier;...)\n")
    for r in rows:
        fh.write("\t".join(r) + "\n")
print("wrote %d sentences" % len(rows))
