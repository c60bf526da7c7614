"""General faults the two-hundred-and-fifth to two-hundred-and-twelfth unseen question sets
showed (the fiftieth session: a realistic mix, everyday words, askers opening with their
city and school or job, things described). Where a rule could fire too widely, the test
also checks the case that must still be read the old way."""

from __future__ import annotations

from app.answer.clauses import asides
from app.answer.engine import QAEngine
from app.answer.english import english_query
from app.answer.english_told import told_terms
from app.answer.kinds import find_kinds
from app.answer.plan import pinyin_names, read_question
from app.answer.programmes import find_programmes
from app.answer.question import analyze
from app.answer.story import whereabouts


def test_a_city_then_who_the_asker_is_tells_where_they_are() -> None:
    for question, place in (("福州在站博士后，文章说要以哪些平台为载体？", "福州"),
                            ("银川刚读研的科研新人，文章批评拿哪类论文数来评价？", "银川"),
                            ("徐州技师学院学生，报道里说我国高技能人才占比多少？", "徐州")):
        assert whereabouts(question, [place]) == (place,)
    # a place's own thing, or a place's category of people or degree with nothing before it,
    # may be what is asked about: not the asker
    assert whereabouts("威海的人才公寓，免费住几天？", ["威海"]) == ()
    for question, place in (("威海高层次人才，文章里说安家费多少？", "威海"),
                            ("青岛小微企业，文件里说贷款贴息最高多少？", "青岛"),
                            ("深圳博士，文章里说每月生活补贴多少？", "深圳"),
                            ("威海籍学生，文章说毕业回来补贴多少？", "威海")):
        assert whereabouts(question, [place]) == (), question
    assert asides("困难学生，有哪些补助？") == ()


def test_the_asker_asking_for_someone_else_asks_of_their_degree() -> None:
    asked = analyze("泉州技校生，帮读硕士的表哥问：威海火炬高新区按学历发放的生活津贴，"
                    "硕士每月能拿多少？")
    assert asked.degrees == ("硕士",)
    # a clause asking of no degree asks of the asker's own: all are kept
    both = analyze("我儿子是大专毕业的，不是本科，去威海高新区上班每个月能拿多少生活津贴？")
    assert "专科" in both.degrees
    three = analyze("25年本科毕业去威海火炬高新区上班，每个月生活津贴有多少？硕士博士分别多少")
    assert set(three.degrees) == {"本科", "硕士", "博士"}
    # a comparison with the asker's own, or a clause asking of them, asks of both
    compared = analyze("我是本科毕业，在威海火炬高新区比硕士每月少拿多少生活津贴？")
    assert set(compared.degrees) == {"本科", "硕士"}
    assert set(analyze("我是本科，硕士要求的那个补贴我能申请吗？").degrees) == {"本科", "硕士"}


def test_those_few_points_at_what_it_names_and_counts_nothing() -> None:
    pointed = "威海那几家头部企业在外地建的“飞地”研发中心，主要放在哪些地方？"
    assert "count" not in find_kinds(pointed)
    assert "count" in find_kinds("青岛高新区有几家头部企业？")


def test_a_place_that_plans_names_no_programme() -> None:
    assert find_programmes("洛阳中学老师，青岛市计划全年开展继续教育培训多少人次？") == ()
    assert find_programmes("北汽新能源那个青领计划是几年的") == ("青领计划",)
    # a programme named by a place's bare name is still one
    assert find_programmes("泰山工程入选者补贴多少？") == ("泰山工程",)


def test_an_applicant_introduces_the_asker_in_english() -> None:
    told = told_terms("PhD applicant in Xiangtan. According to the paper, what share of "
                      "doctoral students want to stay overseas?")
    assert "湘潭" in told


def test_general_policy_terms_in_english() -> None:
    query = english_query("How many high-skilled workers will BAIC New Energy cultivate during "
                          "its 3-year industry-education integration period?")
    assert "产教融合" in query.split() and "新能源" in query.split()


def test_a_maximum_the_asker_states_asks_no_sum() -> None:
    kinds = find_kinds("what degree do I need to qualify for the maximum 150,000-yuan housing "
                       "subsidy?")
    assert "amount" not in kinds and "degree" in kinds
    assert "amount" in find_kinds("What is the maximum housing subsidy for PhDs?")
    for stated in ("the maximum of 150,000 yuan housing subsidy", "the maximum RMB 150,000 "
                   "housing subsidy"):
        assert "amount" not in find_kinds(f"What degree do I need for {stated}?"), stated


def test_a_programme_spelled_in_pinyin_ties_an_english_question_to_its_document(
        engine: QAEngine) -> None:
    corpus = engine._corpus
    info = read_question("How much do apprentices in BAIC New Energy's 'Qingling Plan' get paid "
                         "per month?", (), corpus)
    assert "青领" in corpus.anchors(info, 1, pinyin_names(info, corpus))
    # the pay is not stated where the plan is: another document's allowance is no answer
    answer = engine.answer("How much do apprentices in BAIC New Energy's 'Qingling Plan' get "
                           "paid per month?")
    assert answer.refused and answer.reason.startswith("no evidence sentence states")
    # the plan named only in the asker's introduction ties nothing
    introduced = read_question("I'm an apprentice in BAIC's Qingling Plan. According to the "
                               "paper, when was new quality productive forces first put "
                               "forward?", (), corpus)
    assert "青领" not in corpus.anchors(introduced, 1, pinyin_names(introduced, corpus))
    # a place spelled in pinyin is read as a place, never as a tie to one document
    told = read_question("Final-year student in Shenzhen. Under Qingdao HRSS Bureau's plan, "
                         "what is the target number of young talents?", (), corpus)
    assert not {"深圳", "青岛"} & set(corpus.anchors(told, 1, pinyin_names(told, corpus)))


def test_when_joining_a_clause_asks_no_date() -> None:
    joined = ("Under Qingdao's plan, when a key-industry company newly recruits high-end talent, "
              "what card can they be issued?")
    assert "date" not in find_kinds(joined)
    assert "date" in find_kinds("When will the subsidy be paid?")
    assert "date" in find_kinds("By when must I apply?")
    for asked in ("When’s the housing subsidy paid out?", "When and where is the job fair held?",
                  "Could you tell me when the living allowance is paid?"):
        assert "date" in find_kinds(asked), asked


def test_a_firm_and_technical_talent_in_english() -> None:
    words = english_query("If a firm recruits a high-end technical person, what card can "
                          "they get?").split()
    assert "企业" in words and "技术" in words


def test_a_kind_stated_only_beside_another_topic_does_not_answer(engine: QAEngine) -> None:
    # the sentence about the one-off return subsidy gives no period to apply in; the talent
    # flat's 减免1年房租 is another benefit's, however well it states a span
    answer = engine.answer("威海那个给回乡就业的毕业生一次性发补贴的政策，"
                           "要在毕业后多长时间内申请？")
    assert answer.refused and answer.reason.startswith("the sentences that speak of it")
    # the same kind stated where the question's topic is still answers
    flat = engine.answer("威海人才公寓对确定就职的高校毕业生减免多长时间房租？")
    assert not flat.refused and "1年" in flat.text
