"""Group letters as workers type them: rosters typed as text (cells split by | or by spaces), representatives
with notes, agents listed under their label, a list of signatures with each signer's ID and phone; and the
small things a party's value must not carry (a bracket it did not open, a form's cell border), a number told
in the story, a plea's reasons before its request."""

from __future__ import annotations

from extractors.complaint import extract_complaint
from extractors.normalize import normalize_text
from schemas.models import ParsedDocument


def _fields(text: str, models: bool = False):  # type: ignore[no-untyped-def]
    return extract_complaint(ParsedDocument(text=normalize_text(text), format="txt", pages=1), models=models)


PIPE_ROSTER = """劳动保障监察投诉书

投诉人（共4人，详见下表）：
序号|姓名|性别|公民身份号码|岗位|联系电话|住址
1|梁秀芬|女|450103197106154527|保洁员|13977145820|南宁市青秀区长湖路18号3栋
2|韦家宝|男|450103198003071256|保安员|15977180364|南宁市青秀区民族大道66号
3|黄月娥|女|450103197512203021|保洁员|18977162931|南宁市兴宁区朝阳路5号
4|莫振华|男|450103196809113399|维修工|13768093427|南宁市江南区星光大道20号

被投诉人：南宁安居物业服务有限公司
法定代表人：罗建新
住所：南宁市青秀区金湖路59号

委托代理人：
1．苏明礼，广西正衡律师事务所律师，电话0771-5562031；
2．覃丽萍，青秀区总工会职工法律服务站工作人员，电话0771-5827164；
3．韦小燕，系投诉人韦家宝之女，电话17707713398。

投诉请求：
一、责令被投诉人支付四名投诉人2025年6月至9月工资共计52,400元。

事实与理由：
四名投诉人均为被投诉人派驻“翠湖苑”小区的保洁、保安及维修人员。2025年6月至9月，被投诉人以业主欠缴物业费为由，连续四个月未发放工资，合计52,400元。本事项未申请劳动仲裁，也未向法院起诉。

投诉人签名：梁秀芬 韦家宝 黄月娥 莫振华
2025年10月15日
"""


def test_a_roster_typed_with_pipes_gives_the_first_row_and_its_details() -> None:
    f = _fields(PIPE_ROSTER)
    c = f.complainant
    assert (c.name, c.gender, c.age, c.occupation) == ("梁秀芬", "女", 54, "保洁员")
    assert (c.phone, c.id_number) == ("13977145820", "450103197106154527")
    assert c.address == "南宁市青秀区长湖路18号3栋"


def test_agents_numbered_under_their_label_are_each_read_with_their_phone() -> None:
    f = _fields(PIPE_ROSTER)
    assert [(a.name, a.phone) for a in f.agents] == [
        ("苏明礼", "0771-5562031"), ("覃丽萍", "0771-5827164"), ("韦小燕", "17707713398")
    ]


SPACE_ROSTER = """关于恒泰路桥劳务有限公司拖欠9名农民工工资的联名投诉

县劳动保障监察大队：
我们是在城南大桥工地干活的农民工，共9人，2025年3月到7月在恒泰路桥劳务有限公司（公司地址：县城滨江路12号恒泰大厦5楼）班组里做事，公司只发生活费，工资一直拖着，合计186,500元。我们没有申请过仲裁，也没有起诉。

我们的请求：责令恒泰路桥劳务有限公司立即支付我们9人的工资共计186,500元。

欠薪人员名单：
序号  姓名  身份证号码  工种  欠薪金额（元）  签名
1  覃德福  452731197903152313  钢筋工  23,400  覃德福
2  蓝永生  452731198206204135  木工  21,800  蓝永生
3  韦春花  452731198809102621  杂工  16,500  韦春花

代表：覃德福（住都安县拉仁镇拉仁村8组，电话13878804512）、蓝永生（住都安县高岭镇龙湾村，电话15977804631）

2025年8月4日
"""


def test_a_roster_typed_with_spaces_and_a_representatives_line_with_notes() -> None:
    f = _fields(SPACE_ROSTER)
    assert f.representatives == ["覃德福", "蓝永生"]
    c = f.complainant
    assert (c.name, c.occupation, c.id_number, c.gender) == ("覃德福", "钢筋工", "452731197903152313", "男")


def test_a_party_value_ends_at_a_bracket_it_did_not_open() -> None:
    f = _fields(SPACE_ROSTER, models=True)
    assert f.complainant.employer == "恒泰路桥劳务有限公司"  # not 恒泰路桥劳务有限公司（公司
    assert f.respondent.address == "县城滨江路12号恒泰大厦5楼"  # not …5楼）班组里做事


SIGNED_LIST = """反映城东安置房工地拖欠我们4个泥工工资的信

区劳动监察大队的领导：
我们是在城东安置房三期工地干泥工的4个人，2025年4月10号进场，一直干到7月20号，项目部说好每人每天三百二，干完一起结，到现在一分没给，每人差三万多，我们4个人一共十二万八。
请领导帮我们把这十二万八千块工钱要回来。

签名：
覃福生  身份证452122197611083214  电话13607713384
黄德才  身份证452122198102164539  电话15807719026
韦永强  身份证452122198807251931  电话18177135402
蓝继光  身份证452122197303306615  电话13978812675

2025年8月15日
"""


def test_a_group_that_elects_no_one_stands_on_its_first_signer() -> None:
    f = _fields(SIGNED_LIST)
    c = f.complainant
    assert f.collective and f.complainant_count == 4
    assert (c.name, c.id_number, c.phone, c.gender, c.age) == (
        "覃福生", "452122197611083214", "13607713384", "男", 48
    )


ONE_WORKER = """领导：
俺叫佟树林，今年五十九了，是扶余县三井子镇的。2023年秋收完了，俺们屯子七八个人去县城东边鑫源粮贸的烘干塔干活，俺在那当装卸工，老板姓佟，说好一个月四千二。
干到2024年1月底，老板就给了一个月的钱，还欠俺一万二千六。
天冷了，家里等着买煤，求领导帮俺把这一万二千六要回来。
俺的电话：13943812257
佟树林
2024年3月2日
"""


def test_a_number_told_in_the_story_does_not_make_a_group_letter() -> None:
    f = _fields(ONE_WORKER)
    assert not f.collective and f.complainant_count is None


def test_a_plea_request_starts_at_its_asking_clause() -> None:
    f = _fields(ONE_WORKER, models=True)
    assert f.requests and f.requests[0].startswith("求领导帮俺把这一万二千六要回来")


FORWARDED = """某市人民政府信访局
转 送 函
某信转〔2025〕0702号

县人力资源和社会保障局：
现将覃春兰同志反映县城鑫源制衣有限公司拖欠工资问题的来信转去，请按照《信访工作条例》有关规定依法依规处理，并将办理结果抄告我局。
信访人：覃春兰　　联系电话：13877215530
附件：来信1件（共2页）

某市人民政府信访局（印）
2025年9月8日
（联系人：韦晓琳　电话：0772-8216473）

县人力资源和社会保障局
收文　2025年9月12日　第1466号

尊敬的领导：
我叫覃春兰，身份证450221198803152626，家住县城东环路18号。
2025年3月我进县城鑫源制衣有限公司当车位工，厂在城东工业园3号厂房。从6月份开始厂里就不发工资了，6月、7月、8月三个月一共12600元，一分没给。我没有申请仲裁，也没有起诉。
请领导督促鑫源制衣有限公司把拖欠我的12600元工资发给我。
覃春兰
2025年9月1日
"""


def test_a_cover_note_is_nobody_s_facts_but_its_petitioner_line_gives_the_phone() -> None:
    f = _fields(FORWARDED)
    assert f.complainant.name == "覃春兰"
    assert f.complainant.phone == "13877215530"  # on the note's 信访人 line only; never the office's 0772-…
    assert f.facts and f.facts.startswith("2025年3月我进县城鑫源制衣有限公司")  # not 现将…, not 我叫…
    assert "现将" not in f.facts


BOARD = """某市人民政府 | 首页 > 政民互动 > 市长信箱 > 信件详情
[无障碍浏览] [长者模式] [English]    登录 | 注册
信件编号:SZXX-2025091800652
信件标题:美发店拖欠工资不给
来信时间:2025-09-18 22:47:13
办理状态:已办结
来信内容:
市长您好,我想反映一下我的情况。本人在城关镇人民路一家叫"名匠造型"的美发店做发型师,做了快两年了,老板姓蒙。从今年3月份开始,老板就说店里生意不好,工资先发一半,8月份一分没发,算下来老板一共欠我18700块钱。
希望相关部门督促老板把欠我的18700元工资付清!
回复单位:县人力资源和社会保障局
回复内容:
网友您好!经核实,您所反映的美发店为个体工商户"城关镇名匠美发店",经营者蒙某某,已于9月27日支付全部欠款。
[打印本页] [关闭窗口]
"""


def test_a_message_board_page_gives_the_letter_not_its_chrome_or_the_reply() -> None:
    f = _fields(BOARD)
    assert f.facts and f.facts.startswith("本人在城关镇人民路")
    assert f.requests == ["希望相关部门督促老板把欠我的18700元工资付清"]
    assert f.amount_claimed_yuan == 18700


def test_a_plea_line_that_begs_introduces_the_listed_requests() -> None:
    letter = """领导：
我叫覃志勇，在县城安保公司当保安，2025年3月到8月公司只按每月1500元发工资，比最低工资标准少，还一个月只让休两天。
求领导两件事：
1．让公司按最低工资标准把差我的6300块钱补上；
2．让公司按规定安排休息。
覃志勇
2025年9月2日
"""
    f = _fields(letter)
    assert f.requests == ["让公司按最低工资标准把差我的6300块钱补上", "让公司按规定安排休息"]
