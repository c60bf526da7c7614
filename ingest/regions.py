"""A small gazetteer: place names in policy text → the region we file them under.

>>> infer_region("青岛市崂山区人才工作综述")
'青岛'
>>> infer_region("国务院办公厅关于做好高校毕业生就业工作的通知")
'全国'
"""

from __future__ import annotations

import re
from collections import Counter

# Prefecture-level cities by province (names that are also common words, such
# as 长治, 来宾, 白银 or 中山, are left out on purpose).
_CITY_TEXT = """
河北: 石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水
山西: 太原 大同 阳泉 晋城 朔州 晋中 运城 忻州 临汾 吕梁
内蒙古: 呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布
辽宁: 沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 葫芦岛
吉林: 长春 四平 辽源 通化 松原 白城 延边
黑龙江: 哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化
江苏: 南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁
浙江: 杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水
安徽: 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城
福建: 福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德
江西: 南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶
山东: 济南 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 日照 临沂 德州 聊城 滨州 菏泽
河南: 郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店
湖北: 武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施
湖南: 长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底
广东: 广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源
      阳江 清远 东莞 潮州 揭阳 云浮
广西: 南宁 柳州 桂林 梧州 防城港 钦州 贵港 玉林 百色 贺州 河池 崇左
海南: 海口 三亚 三沙 儋州
四川: 成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳
贵州: 贵阳 六盘水 遵义 安顺 毕节 铜仁
云南: 昆明 曲靖 玉溪 保山 昭通 丽江 临沧
西藏: 拉萨 日喀则
陕西: 西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 商洛
甘肃: 兰州 嘉峪关 金昌 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南
青海: 西宁
宁夏: 银川 石嘴山 吴忠 固原
新疆: 乌鲁木齐 克拉玛依 吐鲁番 哈密
"""


def _by_province(text: str) -> dict[str, str]:
    """City -> province from lines of ``省: 市 市 …`` (a line without ``:`` continues)."""
    out: dict[str, str] = {}
    province = ""
    for word in text.split():
        if word.endswith(":"):
            province = word[:-1]
        else:
            out[word] = province
    return out


_CITY_PROVINCE = _by_province(_CITY_TEXT)
_CITY_NAMES = tuple(_CITY_PROVINCE)
# Districts and county-level cities filed under their city.
_DISTRICTS: dict[str, tuple[str, ...]] = {
    "青岛": ("青岛", "崂山", "黄岛", "西海岸新区", "即墨", "胶州", "平度", "莱西", "城阳", "李沧"),
    "威海": ("威海", "荣成", "乳山", "文登"),
}
_CITY_PROVINCE.update({city: "山东" for city in _DISTRICTS})
_CITIES: dict[str, tuple[str, ...]] = {
    **{name: (name,) for name in _CITY_NAMES},
    **_DISTRICTS,
}
_PROVINCES = (
    "北京",
    "上海",
    "天津",
    "重庆",
    "河北",
    "山西",
    "辽宁",
    "吉林",
    "黑龙江",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "海南",
    "四川",
    "贵州",
    "云南",
    "陕西",
    "甘肃",
    "青海",
    "内蒙古",
    "广西",
    "西藏",
    "宁夏",
    "新疆",
    "香港",
    "澳门",
    "台湾",
)
_NATIONAL = re.compile(
    r"国务院|中共中央|全国|国家[^级]|人力资源社会保障部|人力资源和社会保障部|财政部|教育部"
    r"|税务总局|发展改革委|商务部|工业和信息化部"
)
_PROVINCE_SET = frozenset(_PROVINCES)
_CITY_PATTERNS = tuple(
    (city, re.compile("|".join(map(re.escape, names)))) for city, names in _CITIES.items()
)
_PROVINCE_PATTERN = re.compile("|".join(map(re.escape, _PROVINCES)))


def _first_place(text: str) -> str | None:
    best: tuple[int, str] | None = None
    for city, pattern in _CITY_PATTERNS:
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), city)
    if best:
        return best[1]
    m = _PROVINCE_PATTERN.search(text)
    return m.group() if m else None


def infer_region(*texts: str) -> str | None:
    """The first place named in the first text that names one; 全国 for national bodies.

    Pass simplified text, most telling first (title, issuer).
    """
    for text in texts:
        if not text:
            continue
        place = _first_place(text)
        if place:
            return place
        if _NATIONAL.search(text):
            return "全国"
    return None


def _mentions(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for city, pattern in _CITY_PATTERNS:
        counts[city] += len(pattern.findall(text))
    if not +counts:
        counts.update(_PROVINCE_PATTERN.findall(text))
    return +counts


def infer_body_region(text: str, *, min_mentions: int = 2) -> str | None:
    """The place a body text keeps returning to (named at least ``min_mentions`` times).

    >>> infer_body_region("威海火炬高新区……为威海市经济发展提供支撑，海南省也有。")
    '威海'
    >>> infer_body_region("习近平总书记在黑龙江考察。") is None
    True
    """
    counts = _mentions(text)
    if counts:
        place, n = counts.most_common(1)[0]
        if n >= min_mentions:
            return place
    return None


_LOCAL_BODY = re.compile(
    r"^([\u4e00-\u9fff]{2,4}?)(?:省|市|县|自治州|地区)"
    r"(?=[\u4e00-\u9fff]*(?:人民政府|政府|局|厅|委员会|委|办公室|办|中心))"
)


def local_body_place(name: str) -> str | None:
    """The place a local government body is named after, even outside the gazetteer.

    >>> local_body_place("临海市人力资源和社会保障局")
    '临海'
    >>> local_body_place("国务院办公厅") is None
    True
    """
    m = _LOCAL_BODY.match(name.strip()) if name else None
    return m.group(1) if m else None


def infer_document_region(title: str, issuer: str, body: str) -> str | None:
    """Region from the title or issuer first, then from what the body keeps naming.

    A local issuer outside the gazetteer still names the region, so a stray
    national body mentioned in the text (「来源：国务院」) cannot override it.
    """
    return heading_region(title, issuer) or infer_body_region(body) or infer_region(body[:300])


def province_of(place: str | None) -> str | None:
    """The province-level unit a place we file documents under belongs to.

    Municipalities and provinces are their own; 全国, unknown places and None give None.

    >>> [province_of(p) for p in ("青岛", "南阳", "天津", "湖北", "全国", "临海")]
    ['山东', '河南', '天津', '湖北', None, None]
    """
    if not place:
        return None
    if place in _PROVINCE_SET:
        return place
    return _CITY_PROVINCE.get(place)


def places_named(text: str) -> tuple[str, ...]:
    """Every gazetteer place a (simplified) text names, cities first, without repeats.

    >>> places_named("天津市和崂山区的补贴比重庆高吗")
    ('青岛', '天津', '重庆')
    """
    cities = [city for city, pattern in _CITY_PATTERNS if pattern.search(text)]
    return tuple(dict.fromkeys([*cities, *_PROVINCE_PATTERN.findall(text)]))


def heading_region(title: str, issuer: str | None) -> str | None:
    """The region a notice's own title or issuer names (no guessing from the body).

    Stricter than :func:`infer_document_region`: a notice that only keeps
    mentioning 武汉 in its body is not thereby a 武汉 notice.

    >>> heading_region("国家税务总局四川省税务局关于疫情防控的温馨提示", None)
    '四川'
    >>> heading_region("新型冠状病毒感染的肺炎流行期间餐饮服务单位防控指引", None) is None
    True
    """
    issuer = issuer or ""
    return infer_region(title, issuer) or local_body_place(issuer)
