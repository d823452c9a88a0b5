"""Items stated in ways the eleventh round's letters showed the rules missing or misreading (issue 12): a
contact line shared by the complainant and a lawyer, a name after the writer's self-description, a shop
known only by where it stands, a town named like a county elsewhere, a record saying the matter went
nowhere, and a record silent about it. Texts invented for the test."""

from __future__ import annotations

from datetime import date

from extractors.complaint import extract_complaint
from extractors.complaint.proceedings import classify
from extractors.normalize import normalize_text
from rules.calendar import load_calendar
from rules.complaint_engine import evaluate_complaint
from rules.jurisdiction import parse_division
from rules.loader import load_rules
from schemas.models import ParsedDocument


def _fields(text: str, models: bool = False):  # type: ignore[no-untyped-def]
    return extract_complaint(ParsedDocument(text=normalize_text(text), format="txt", pages=1), models=models)


_LAWYER = (
    "劳动保障监察投诉书\n\n"
    "投诉人：韩晓雯，女，1991年3月2日出生\n"
    "委托代理人：冯立国，某某律师事务所律师\n"
    "联系地址：{addr}\n"
    "联系电话：13905321177（投诉人）；15866230418（代理人）\n\n"
    "被投诉人：青州市锦程纸业有限公司\n住所地：青州市黄楼街道工业园8号\n\n"
    "投诉事项：\n1.责令被投诉人支付拖欠投诉人2026年3月至5月的工资16200元。\n\n"
    "事实与理由：\n投诉人于2024年5月入职被投诉人处，岗位为分切机操作工，约定月工资5400元。"
    "2026年3月起被投诉人停发工资，至今未付。投诉人未就本事项申请仲裁或提起诉讼。\n\n"
    "投诉人：韩晓雯\n2026年6月8日\n"
)


def test_a_contact_line_shared_with_the_agent_gives_each_its_tagged_part() -> None:
    f = _fields(_LAWYER.format(addr="青州市王府街道北关村36号（投诉人）；潍坊市奎文区东风街100号（代理人）"))
    assert f.complainant.address == "青州市王府街道北关村36号"
    assert f.complainant.phone == "13905321177"
    assert [(a.name, a.phone) for a in f.agents] == [("冯立国", "15866230418")]
    assert f.complainant.occupation == "分切机操作工"  # 岗位为…, in a third-person statement of facts


def test_an_untagged_contact_line_after_the_agent_is_not_taken_for_the_complainant() -> None:
    f = _fields(_LAWYER.format(addr="潍坊市奎文区东风街100号"))
    assert f.complainant.address is None


def test_a_name_after_the_writers_description_of_themself() -> None:
    f = _fields(
        "尊敬的县长：\n您好！我是本县城关镇向阳幼儿园的一名保育员，名叫龚秀兰，今年41岁。幼儿园从今年2月起拖欠我的工资，"
        "四个月共9600元。恳请县长督促幼儿园发放工资。\n一名保育员\n2026年6月30日\n"
    )
    assert f.complainant.name == "龚秀兰"


def test_a_name_after_someone_elses_description_is_not_the_writer() -> None:
    f = _fields(
        "尊敬的领导：\n我们厂的老板，名叫钱永福，从今年2月起拖欠我们工资。恳请领导督促他发放工资。\n2026年6月30日\n"
    )
    assert f.complainant.name is None  # the boss is named, the writer is not


def test_the_writer_among_women_workers_is_a_woman() -> None:
    f = _fields(
        "致县长的一封信\n县长您好！我叫宁春燕。我们6人都是女工，在城南服装厂做缝纫，厂里从3月起没发工资，"
        "每人欠6000多元。恳请领导帮我们要回工资。\n宁春燕\n2026年6月1日\n"
    )
    assert f.complainant.gender == "女"


def test_a_shop_known_only_by_where_it_stands_has_that_place_as_its_address() -> None:
    text = (
        "领导您好！我叫邢海涛，今年三十二岁，电话15945601234。去年五月我在长白山北坡景区山门西侧的“林海人家”饭店后厨"
        "当帮厨，老板姓鲍，说好一个月3800块。干到十月景区封山，老板还欠我两个月工资7600块，一直不给。"
        "请领导帮我把工钱要回来。\n邢海涛\n2026年3月2日\n"
    )
    f = _fields(text, models=True)
    assert f.respondent.address == "长白山北坡景区山门西侧"
    assert f.respondent.workplace is None


def test_a_town_named_like_a_county_elsewhere_is_not_that_county() -> None:
    assert parse_division("兴国镇城北果品市场后头") is None  # 兴国镇 of 秦安县, not 江西省兴国县
    assert parse_division("江西省兴国县潋江镇").county == "兴国县"


def test_a_record_that_the_matter_went_nowhere_before_says_none() -> None:
    assert classify("市民称此前未向其他部门反映") == "none"
    assert classify("这几年我一直没去告") == "none"
    assert classify("我没有回去告诉家里") is None  # 告诉 is telling, not suing
    assert classify("已向其他部门反映过") is None


def test_a_record_silent_on_the_matter_leaves_it_unstated() -> None:
    assert classify("来电人未提及是否已向其他部门反映") is None
    text = (
        "12345热线工单\n来电人：蒋丽，女，电话13770581234，住沭阳县沭城街道幸福小区5幢。\n"
        "诉求内容：来电人反映其在沭阳县某某电子有限公司（沭阳经济开发区珠江路8号）做检验员，2026年5月工资4300元未发放。"
        "来电人未提及是否已向其他部门反映。\n来电人诉求：要求公司支付工资。\n"
    )
    f = _fields(text)
    flags, _deadlines = evaluate_complaint(
        f, [], load_rules(), load_calendar(), date(2026, 6, 20), "江苏省宿迁市沭阳县", normalize_text(text)
    )
    assert "complaint.missing.prior_proceedings" in {fl.rule_id for fl in flags}


_PETITION = (
    "联名投诉书\n县劳动保障监察大队：\n我们是某某石材有限公司的11名工人，公司拖欠我们2025年10月至12月工资共计198000元。"
    "我们推举覃海生、莫小英为代表。{agents}\n请求：责令公司支付拖欠的工资。\n2026年1月10日\n"
)


def test_agents_listed_after_the_sentence_that_entrusts_them() -> None:
    f = _fields(_PETITION.format(agents=(
        "同时委托以下三人为委托代理人：韦春生，电话13977012345；蒙秀珍，电话18907721234；黄德胜，电话0772-6612345。"
    )))
    assert [(a.name, a.phone) for a in f.agents] == [
        ("韦春生", "13977012345"), ("蒙秀珍", "18907721234"), ("黄德胜", "0772-6612345")]


def test_agents_listed_on_numbered_lines_below() -> None:
    f = _fields(_PETITION.format(agents=(
        "\n特委托下列三位代为办理本次投诉的一切事宜：\n1.韦春生，县法律援助中心律师，电话0772-6612345；\n"
        "2.蒙秀珍（覃海生之妻），电话18907721234；\n3.黄德胜，电话13977012345。"
    )))
    assert [a.name for a in f.agents] == ["韦春生", "蒙秀珍", "黄德胜"]
    assert f.agents[1].phone == "18907721234"


def test_a_nickname_boss_who_called_the_writer_to_a_site_and_his_real_name() -> None:
    f = _fields(
        "领导好！我叫王老幺，大名王德贵，今年五十八了，屋头在县里河坝村，电话18285550123。"
        "去年三月，刘老三喊我们去城南安置房小区二期工地上搞小工，讲好一天两百块，做到八月，一分钱没结。"
        "刘老三真名叫刘志明，他住哪点我不晓得。我就想请领导帮我把钱要回来。\n王德贵\n2026年3月1日\n",
        models=True,
    )
    assert f.complainant.name == "王德贵"
    assert (f.complainant.employer, f.respondent.name) == ("刘志明", "刘志明")
    assert f.respondent.workplace == "城南安置房小区二期工地"
    assert f.complainant.occupation == "小工"


def test_a_boss_known_only_by_his_nickname() -> None:
    f = _fields(
        "我在镇上往北那个砖厂做砖坯，老板外号叫麻子，真名我们都不晓得，厂门口也没挂牌子。"
        "从去年十月到今年一月的工钱八千四百块一直没给。请领导帮我们要回工钱。\n2026年2月20日\n"
    )
    assert (f.complainant.employer, f.respondent.name) == ("麻子", "麻子")


def test_a_public_body_that_owes_the_wages_is_the_employer() -> None:
    f = _fields(
        "尊敬的市长：\n2024年我们三十多人在县里参加“乡村道路硬化工程”，干的是修路、砌边沟。"
        "到今天为止，石门县政府一直拖欠我们这些民工的工钱，共计80多万元，我们讨要多次分文未得。"
        "恳请市长过问此事。\n一群农民工\n2026年1月5日\n",
        models=True,
    )
    assert f.complainant.employer == "石门县政府"
    assert f.respondent.name == "石门县政府"


def test_an_office_asked_to_make_the_employer_pay_is_not_the_debtor() -> None:
    f = _fields(
        "领导好！我在城东一个工地干了半年小工，包工头一直拖着不给钱。请县人社局督促支付拖欠我的工钱一万二千元。"
        "\n2026年1月5日\n"
    )
    assert (f.complainant.employer, f.respondent.name) == (None, None)  # not the office asked to act


def test_a_violation_the_letter_calls_ongoing_ends_with_the_work() -> None:
    f = _fields(
        "投诉书\n投诉人：郑丽华，女，电话13812345678\n被投诉人：某某商贸有限公司\n"
        "事实与理由：投诉人于2024年3月1日入职被投诉人处，月工资5200元。被投诉人自2026年4月起拖欠工资，至今未付。"
        "投诉人于2026年6月30日辞职，经双方核对，被投诉人尚欠投诉人工资共计15600元。\n2026年8月3日\n"
    )
    assert (f.violation_start, f.violation_end, f.violation_ongoing) == (date(2026, 4, 1), date(2026, 6, 30), False)


def test_a_closed_kindergarten_owes_the_month_it_closed_in() -> None:
    f = _fields(
        "尊敬的县长：\n我是某某幼儿园的老师。9月开学以后，园里的工资一直拖欠，到现在也没发。"
        "9月20日，园长通知幼儿园停止办学，从此再也没来过。恳请县长督促发放工资。\n2026年10月16日\n"
    )
    assert (f.violation_start, f.violation_end, f.violation_ongoing) == (date(2026, 9, 1), date(2026, 9, 30), False)


def test_a_worker_afraid_to_quit_is_still_owed_for_current_work() -> None:
    f = _fields(
        "领导好！我在某某纺织公司当验布工，从2026年3月开始公司就一直拖欠工资，到现在都没发。"
        "我四十多了，出去再找工作也不容易，所以一直不敢辞职。请领导帮帮我。\n2026年6月2日\n"
    )
    assert (f.violation_end, f.violation_ongoing) == (None, True)


def test_a_minnan_letter_read_as_mandarin() -> None:
    f = _fields(
        "县劳动保障监察大队领导：\n歹势，又来麻烦领导。阮叫黄秀琴，查某人，今年五十一岁，厝住石狮市灵秀镇钞坑村12号，"
        "电话13905951234。阮以前在灵秀镇一间服装厂做车工，头家叫蔡明辉。\n"
        "阮在厂里做了五年。2025年10月起头家就无发工钱，讲等货款到就拢总发，拢总欠阮一万二千四。\n"
        "阮只想请领导帮阮讨回工钱。\n黄秀琴\n2026年3月2日\n"
    )
    assert f.complainant.name == "黄秀琴"
    assert f.complainant.gender == "女"
    assert f.facts.startswith("阮在厂里做了五年")  # the opening paragraph only says who she is
    assert f.complainant.address == "石狮市灵秀镇钞坑村12号"  # 厝住: where she lives
    assert f.amount_claimed_yuan == 12400


def test_the_surname_ruan_is_not_the_minnan_pronoun() -> None:
    from extractors.complaint.dialect import mandarin_view

    assert mandarin_view("被投诉人负责人阮志强，电话13905951234") == "被投诉人负责人阮志强，电话13905951234"
    assert mandarin_view("伊犁州某某公司") == "伊犁州某某公司"


def test_an_opening_paragraph_with_a_birth_year_only_says_who_the_writer_is() -> None:
    f = _fields(
        "县劳动监察大队领导：\n领导你好！我叫曾冬生，男的，1979年出生，屋里住某县某镇青山村7组，电话13807396258。"
        "我有件事想请领导帮忙。\n去年7月底，我到某某打火机制品厂做装配工，从9月份起厂里就冇发过工资。"
        "做到12月20号，厂里放假，一共欠我一万五千八百块。\n请领导帮我把钱讨回来。\n2026年6月1日\n"
    )
    assert f.facts.startswith("去年7月底")
