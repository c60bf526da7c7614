"""General faults the sixty-third to sixty-sixth unseen question sets showed (northern
dialect, negation and doubted guesses, numbers in every form, exam candidates). Each test
also checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.asked import asks_people
from app.answer.clauses import asides, doubted
from app.answer.kinds import find_kinds
from app.answer.question import analyze, find_benefits, find_places
from app.answer.scoring import holds_kind
from app.answer.spelling import respelled
from app.answer.story import set_aside
from lexicon import people_words
from tests.qa.made_up import MadeUp

_PROJECTS = {"p": ("某区人才工作综述", "南阳市",
                   "某区创新实施“书记人才工作项目”36个，推动人才工作多点开花。"
                   "某区为近400名人才办理景区旅游年卡。")}

_PLATFORM = {"p": ("某区招聘服务", "南阳市",
                   "依托“某区人才招聘服务平台”实现岗位信息智能匹配，凡园区企业均可免费使用。")}

_PLATFORM_WITH_ADDRESS = {"p": ("某区招聘服务", "南阳市",
                                "某区人才招聘服务平台网址为 https://rc.example.gov.cn ，"
                                "凡园区企业均可免费使用。")}

_TRAINING = {"t": ("某市人才工作要点", "南阳市",
                   "全年开展继续教育培训30万人次。"
                   "年内推出100个以上专业技术人员继续教育培训项目。")}

# a paper that names no place writes 科研院所; the asked place's own report writes 高校院所
_INSTITUTES = {"paper": ("论产教融合", None,
                         "推动企业与高校、科研院所共建创新平台，深化产学研合作。"),
               "report": ("南阳市人才工作综述", "南阳市",
                          "2023年南阳驻区高校院所共实现技术合同成交额15.8亿元。")}


def test_a_doubted_guess_is_no_topic_and_leaves_the_topic_before_it() -> None:
    question = "南阳那种书记亲自抓的人才项目，不是只有一两个吧，总共搞了多少个？"
    assert doubted(question) == ("不是只有一两个吧",)
    assert asides(question) == ("不是只有一两个吧",)  # the topic clause is kept
    assert doubted("蚌埠的高技能人才，不是才几万人吧？总量有多少？") == ("不是才几万人吧",)
    # its 几万 asks nothing: a count is asked, not a sum
    assert analyze("蚌埠的高技能人才，不是才几万人吧？总量有多少？").kinds == ("count",)
    # a double negative affirms its topic, and a doubt after the question is no guess before it
    assert doubted("不是没有人才公寓吧？能住几天？") == ()
    assert doubted("总量有多少，不会吧") == ()
    assert "不是只有一两个吧" in set_aside(question)
    d = MadeUp.of(_PROJECTS).decide("某区书记人才项目，不是只有一两个吧，总共搞了多少个？")
    assert not d.refused, d.reason
    assert "36个" in d.chosen[0].sentence.text


def test_which_few_asks_for_a_list_not_a_sum() -> None:
    assert find_kinds("崂山给人才的金融支持，除了人才贷以外还有哪几样？") == ()
    assert find_kinds("有哪几种补贴") == ()
    assert find_kinds("几个补贴") == ("count",)
    # still sums: a number of ten-thousands or thousands of money
    assert find_kinds("能领几万补贴") == ("amount",)
    assert find_kinds("每月补贴几千") == ("amount",)


def test_a_respelling_never_cuts_through_a_word_the_documents_write() -> None:
    used = {"一次性", "高技能", "生活补"}.__contains__
    assert respelled("一次性能给多少", "性能", "功能", used) == "一次性能给多少"
    assert respelled("新建的高技能培训中心", "技能培训", "职业技能培训", used) == (
        "新建的高技能培训中心")
    # a word of its own is respelled, and a slip whose fix keeps the run too
    assert respelled("性能如何", "性能", "功能", used) == "功能如何"
    assert respelled("生活补帖多少", "补帖", "补贴", used) == "生活补贴多少"


def test_a_two_character_word_cut_from_a_longer_one_is_not_unseen() -> None:
    made = MadeUp.of({"a": ("某区补贴", "南阳市",
                            "对返乡的博士研究生发放1万元一次性返乡补贴。")})
    q, _ = made.candidates("孩子读完博士回南阳 一次性能给多少钱")
    assert "性能" not in made.view.unseen(q)
    # a word the documents never write stays unseen
    q, _ = made.candidates("博士回南阳 养老金能给多少钱")
    assert "养老金" in made.view.unseen(q)


def test_the_askers_own_family_are_people_not_topics() -> None:
    assert {"孩子", "老伴", "外孙女", "邻居"} <= set(people_words())
    assert "博士" not in people_words()


def test_a_support_fund_is_no_award() -> None:
    assert find_benefits("人才扶持资金一共多少") == ()
    assert find_benefits("奖励资金多少") == ("奖励",)
    assert find_benefits("创业扶持资金") == ("创业补贴",)


def test_a_web_address_is_answered_only_by_one() -> None:
    assert find_kinds("四川省电子税务局网址是多少？") == ("web",)
    assert find_kinds("What is the website address of the platform?") == ("web",)
    assert find_kinds("在哪个网站申请") == ()  # a site's name answers that
    assert holds_kind("登录https://etax.sichuan.chinatax.gov.cn办理", "web")
    assert not holds_kind("依托“青岛高新区人才招聘服务平台”实现岗位信息智能匹配", "web")
    question = "某区人才招聘服务平台的网址是多少？"
    assert MadeUp.of(_PLATFORM).decide(question).refused
    d = MadeUp.of(_PLATFORM_WITH_ADDRESS).decide(question)
    assert not d.refused, d.reason


def test_two_counts_asked_one_of_people_take_either() -> None:
    two = "全年培训多少人次？年内推出多少个培训项目？"
    assert not asks_people(two, ("count",))
    assert asks_people("全年培训多少人次？", ("count",))
    assert asks_people("全年培训多少人次？什么时候开始？", ("count",))
    d = MadeUp.of(_TRAINING).decide("南阳继续教育全年培训多少人次？年内推出多少个培训项目？")
    assert not d.refused, d.reason
    assert any("100个" in c.sentence.text for c in d.chosen)


def test_a_word_only_a_placeless_document_uses_does_not_outrank_the_asked_place() -> None:
    made = MadeUp.of(_INSTITUTES)
    d = made.decide("南阳驻区的高校和科研院所一共做成了多少钱的技术合同？")
    assert not d.refused, d.reason
    assert "15.8亿元" in d.chosen[0].sentence.text
    # without a place asked the word still ties the question to the paper
    _, cands = made.candidates("高校和科研院所一共做成了多少钱的技术合同？")
    assert all("科研院所" in c.missing for c in cands if c.doc_id == "report")


def test_a_county_after_a_time_word_is_in_a_place_slot() -> None:
    assert find_places("2023年崂山驻区的高校") == ("崂山",)
    assert find_places("去年崂山的人才总量") == ("崂山",)
    assert find_places("今年新建的高技能培训中心") == ()  # 新建 is an everyday word


def test_a_rough_guess_is_no_thing_the_documents_lack() -> None:
    made = MadeUp.of({"v": ("某区虚拟现实产业", "南阳市",
                            "南阳每年培养虚拟现实专业硕士、博士200余人。")})
    question = "南阳虚拟现实产业每年能带出来多少硕士博士？几百号人？"
    q, _ = made.candidates(question)
    assert not any("几百" in c for c in q.content)
    d = made.decide(question)
    assert not d.refused, d.reason


def test_a_county_named_by_an_everyday_word_counts_after_a_lead_word() -> None:
    assert find_places("毕业生去永康落户，住房补贴能拿多少") == ("永康",)
    assert find_places("请问开平的人才补贴") == ("开平",)
    # not where the word is what it says: 新建 at the start, after a comma or a place
    assert find_places("新建的人才公寓有多少套") == ()
    assert find_places("海南，新建的技能大师工作室每个补多少") == ("海南",)


def test_paying_asks_a_price_and_free_use_answers_it() -> None:
    made = MadeUp.of(_PLATFORM)
    d = made.decide("某区那个网上招人的平台，园区里的企业用是不是要交钱？")
    assert not d.refused, d.reason
    assert "免费使用" in d.chosen[0].sentence.text
    # a fee the documents never name is still missing
    assert MadeUp.of(_PLATFORM).decide("某区那个招聘平台是不是要交会员费？").refused


def test_a_street_address_is_answered_only_by_one() -> None:
    assert find_kinds("信访办公室收信地址是什么？") == ("address",)
    assert find_kinds("人才之家在哪条街上") == ("address",)
    assert find_kinds("网站地址是多少") == ("web",)  # a web address is another kind
    assert holds_kind("来信请寄南阳市新桥大街12号，邮政编码:473000", "address")
    assert not holds_kind("打造一站式服务“人才之家”。", "address")
    made = MadeUp.of({"h": ("某区人才服务", "南阳市",
                            "某区打造一站式服务“人才之家”，为青年人才提供就业指导。")})
    assert made.decide("某区那个人才之家在哪条街上？").refused
    made = MadeUp.of({"h": ("某区人才服务", "南阳市",
                            "某区“人才之家”位于南阳市新桥大街12号，为青年人才提供就业指导。")})
    d = made.decide("某区那个人才之家在哪条街上？")
    assert not d.refused, d.reason


def test_the_key_figure_is_of_the_benefit_the_question_names() -> None:
    from app.answer.facts import key_facts
    from ingest.facts import extract_facts

    made = MadeUp.of({"w": ("某区人才政策", "南阳市",
                            "按照本科、硕士、博士学历分别给予每月1000元、2000元、5000元的生活津贴；"
                            "对列入政策支持范围的南阳籍毕业生，按照博士研究生1万元、硕士研究生"
                            "5000元的标准发放一次性返乡补贴。")})
    facts = extract_facts(made.documents["w"])

    def lead(question: str) -> str:
        # both sentences quoted, the one-off first: the key line is the benefit asked
        q, cands = made.candidates(question)
        chosen = sorted((c for c in cands if "元" in c.sentence.text),
                        key=lambda c: "一次性" not in c.sentence.text)
        return key_facts(q, chosen, facts, made.documents)[0].fact.amount_text

    assert lead("博士毕业回南阳，一次性能拿多少补贴？") == "1万元"
    # a question naming no benefit of its own keeps the general monthly rule
    assert lead("博士在南阳每个月生活补贴有多少？") == "5000元"


def test_an_exclusion_that_holds_a_question_word_does_not_ask() -> None:
    question = "评价科研人才，除了只数发了多少篇论文，文章还批评了哪些做法？"
    assert asides(question) == ("除了只数发了多少篇论文",)  # its 多少 asks nothing
    assert analyze(question).kinds == ()  # no count asked
    # an exclusion that is the only clause with a question word still asks
    assert asides("除了每月补贴多少，还有什么？") == ("除了每月补贴多少",)
    assert analyze("除了每月补贴，还有多少别的？").kinds != ()
