"""Word lists the answer engine reasons with: places, degrees, topics, synonyms.

All entries are in simplified Chinese; callers convert text before matching.
Data only, no logic, so the lists are easy to review and extend.

>>> PLACE_CHILDREN["青岛"][:2]
('崂山', '黄岛')
"""

from __future__ import annotations

from types import MappingProxyType

# A place asked about is covered by evidence naming it or one of its parts.
PLACE_CHILDREN: MappingProxyType[str, tuple[str, ...]] = MappingProxyType({
    "青岛": ("崂山", "黄岛", "西海岸", "即墨", "城阳", "李沧", "市南", "市北", "胶州", "平度",
             "莱西"),
    "威海": ("环翠", "文登", "荣成", "乳山"),
    "山东": ("青岛", "威海", "济南", "烟台", "潍坊", "淄博", "临沂", "济宁", "泰安", "日照",
             "崂山"),
    "海南": ("海口", "三亚", "儋州"),
    "安徽": ("蚌埠", "合肥"),
    "广东": ("深圳", "广州", "东莞", "佛山", "珠海"),
    "江苏": ("南京", "苏州", "无锡", "常州"),
    "浙江": ("杭州", "宁波", "温州"),
})

# Gazetteer: every place name recognised in a question (longest first when matching).
PLACES: tuple[str, ...] = tuple(sorted({
    *PLACE_CHILDREN, *(c for cs in PLACE_CHILDREN.values() for c in cs),
    "北京", "上海", "天津", "重庆", "成都", "武汉", "西安", "长沙", "郑州", "沈阳", "大连",
    "哈尔滨", "黑龙江", "湖北", "湖南", "河南", "河北", "四川", "福建", "厦门", "云南",
    "贵州", "广西", "陕西", "山西", "吉林", "辽宁", "江西", "甘肃", "新疆", "西藏", "内蒙古",
    "香港", "澳门", "台湾", "宁夏", "青海", "昆明", "南昌", "福州", "石家庄", "太原",
}, key=len, reverse=True))

# Degree slot: the name used in answers -> spellings that count as evidence for it.
DEGREES: MappingProxyType[str, tuple[str, ...]] = MappingProxyType({
    "博士后": ("博士后",),
    "博士": ("博士",),
    "硕士": ("硕士",),
    "研究生": ("研究生", "硕士", "博士"),
    "本科": ("本科", "学士"),
    "专科": ("专科", "大专"),
})

# Words with the same meaning in these documents (question side -> canonical form).
SYNONYMS: tuple[tuple[str, str], ...] = (
    ("津贴", "补贴"), ("补助", "补贴"), ("资助", "补贴"), ("生活费", "生活补贴"),
    ("大学生", "毕业生"), ("学生", "毕业生"), ("每个月", "每月"), ("一个月", "每月"),
    ("租房", "住房"), ("房子", "住房"), ("公寓", "住房"), ("住宿", "住房"),
    ("研究生", "硕士"), ("读博", "博士"), ("学位", "学历"),
    ("多少钱", "多少元"), ("奖金", "奖励"), ("奖补", "奖励"),
)

# Policy topics a job seeker asks about; a topic named in the question must be in the evidence.
TOPICS: tuple[str, ...] = (
    "落户", "户口", "户籍", "养老金", "养老保险", "退休金", "退休", "医保", "医疗保险",
    "社保", "社会保险", "公积金", "签证", "护照", "出国", "出境", "个税", "所得税",
    "失业金", "失业保险", "产假", "生育", "低保", "驾照", "留学", "购房券", "购房",
    "房租", "租金", "安家费", "生活补贴", "住房补贴", "人才公寓", "免费住宿",
    "创业贷款", "担保贷款", "贴息", "职称", "博士后", "继续教育", "见习", "实习",
    "招聘会", "培训基地", "大师工作室", "人才贷", "股权投资", "年卡", "子女入学",
    "返乡", "高技能人才", "专家工作站", "技师工作站", "学徒", "绿卡", "住房",
    "考公", "公务员", "事业编", "编制", "工伤", "加班", "最低工资", "工资标准", "年假",
    "婚假", "病假", "劳动仲裁", "档案", "车补", "交通补贴", "餐补", "网站", "网址", "官网",
    "电话", "邮箱", "有效期", "年龄", "二手房", "首付", "房贷", "工作许可", "居留", "外国人",
    "积分", "学费", "体检", "政审",
)

# Words that carry no topic: removed from a question before measuring coverage.
STOPWORDS: tuple[str, ...] = tuple(sorted({
    "请问", "我想问", "想知道", "想了解", "了解一下", "一下", "我是", "我们", "你们", "他们",
    "什么样", "什么", "多少", "怎么样", "怎么", "怎样", "如何", "哪些", "哪个", "哪里", "是否",
    "有没有", "能不能", "可不可以", "可以", "能够", "需要", "应该", "具体", "相关", "有关",
    "政策", "规定", "情况", "内容", "方面", "现在", "目前", "已经", "如果", "的话", "那边",
    "当地", "这边", "这个", "那个", "那么", "关于", "到底", "一共", "都有", "还有",
    "我", "你", "您", "的", "了", "吗", "呢", "吧", "啊", "呀", "么", "嘛",
}, key=len, reverse=True))

# Characters that make a question bigram a function-word artefact when the corpus lacks it.
FUNCTION_CHARS = frozenset("的了吗呢吧啊呀么我你您他她能就会有是在去来到给对和与及"
                           "或都还也请该被把可几为"
                           "问下个要想那这拿领搞用跟让从向比多少怎什哪谁吧又各些种")

# English words mapped to the Chinese the corpus uses (longest phrases matched first).
GLOSSARY: tuple[tuple[str, str], ...] = tuple(sorted((
    ("weihai", "威海"), ("qingdao", "青岛"), ("laoshan", "崂山"), ("hainan", "海南"),
    ("beijing", "北京"), ("shanghai", "上海"), ("shenzhen", "深圳"), ("bengbu", "蚌埠"),
    ("shandong", "山东"), ("guangzhou", "广州"), ("hangzhou", "杭州"),
    ("master", "硕士"), ("masters", "硕士"), ("master's", "硕士"), ("postgraduate", "研究生"),
    ("phd", "博士"), ("phds", "博士"), ("doctoral", "博士"), ("doctorate", "博士"),
    ("postdoc", "博士后"), ("torch", "火炬"), ("high-tech zone", "高新区"),
    ("high-tech", "高新"), ("district", "区"), ("working", "工作"), ("work", "工作"),
    ("minimum wage", "最低工资"), ("wage", "工资"), ("salary", "工资"), ("salaries", "工资"),
    ("work permit", "工作许可"), ("permit", "许可"), ("foreign", "外国人"),
    ("foreigners", "外国人"),
    ("startup", "创业"), ("startups", "创业"), ("entrepreneur", "创业"), ("financial", "金融"),
    ("finance", "金融"), ("loan", "贷款"), ("loans", "贷款"), ("office", "处室"),
    ("contact", "联系单位"), ("plan", "方案"), ("shortage", "缺口"),
    ("skilled workers", "技能人才"),
    ("workers", "人才"), ("interview", "面试"), ("interviews", "面试"), ("people", "人"),
    ("platform", "平台"), ("university", "高校"), ("universities", "高校"), ("college", "高校"),
    ("training", "培训"), ("sessions", "人次"), ("professional", "专业技术"),
    ("technicians", "专业技术人员"), ("continuing-education", "继续教育"),
    ("paper", "文章"), ("study abroad", "出国留学"), ("overseas", "国外"), ("stay", "留在"),
    ("share", "比例"), ("percentage", "比例"), ("author", "作者"), ("apply", "申请"),
    ("application", "申请"), ("conditions", "条件"), ("condition", "条件"), ("eligible", "条件"),
    ("attract", "引聚"), ("this year", "全年"), ("annual", "全年"), ("deadline", "截止"),
    ("social security", "社保"), ("postdoctoral", "博士后"),
    ("bachelor", "本科"),
    ("bachelor's", "本科"), ("undergraduate", "本科"), ("undergraduates", "本科"),
    ("graduate", "毕业生"), ("graduates", "毕业生"), ("student", "毕业生"),
    ("students", "毕业生"), ("living allowance", "生活补贴"), ("living subsidy", "生活补贴"),
    ("allowance", "补贴"), ("subsidy", "补贴"), ("subsidies", "补贴"), ("grant", "补贴"),
    ("housing", "住房"), ("rent", "房租"), ("apartment", "人才公寓"),
    ("talent apartment", "人才公寓"), ("free accommodation", "免费住宿"),
    ("free stay", "免费住宿"), ("talent", "人才"), ("talents", "人才"),
    ("high-skilled", "高技能人才"), ("highly skilled", "高技能人才"), ("skilled", "技能人才"),
    ("training base", "培训基地"), ("training bases", "培训基地"), ("workshop", "工作室"),
    ("department", "处室"), ("responsible", "责任处室"), ("in charge", "责任处室"),
    ("target", "目标"), ("young", "青年"), ("youth", "青年"), ("job fair", "招聘会"),
    ("jobs", "岗位"), ("positions", "岗位"), ("per month", "每月"), ("monthly", "每月"),
    ("month", "每月"), ("one-off", "一次性"), ("one-time", "一次性"), ("home", "返乡"),
    ("hukou", "落户"), ("household registration", "落户"), ("settle", "落户"),
    ("residence", "落户"), ("pension", "养老金"), ("retirement", "退休"), ("visa", "签证"),
    ("passport", "护照"), ("abroad", "出国"), ("medical insurance", "医保"),
    ("social insurance", "社保"), ("housing fund", "公积金"), ("tax", "个税"),
    ("title", "职称"), ("professional title", "职称"), ("continuing education", "继续教育"),
    ("internship", "见习"), ("internships", "见习"), ("recruit", "引才"),
    ("enterprises", "企业"), ("companies", "企业"), ("company", "企业"),
    ("home-purchase", "购房"), ("voucher", "购房券"), ("settling-in", "安家费"),
    ("settlement allowance", "安家费"), ("unemployment", "失业金"),
), key=lambda pair: len(pair[0]), reverse=True))

# Spellings in questions -> degree slot (longest first so 博士后 wins over 博士).
DEGREE_ALIASES: tuple[tuple[str, str], ...] = (
    ("博士后", "博士后"), ("博士研究生", "博士"), ("硕士研究生", "硕士"), ("本科生", "本科"),
    ("博士", "博士"), ("硕士", "硕士"), ("研究生", "研究生"), ("本科", "本科"), ("学士", "本科"),
    ("大专", "专科"), ("专科", "专科"), ("读博", "博士"), ("读研", "研究生"),
)
