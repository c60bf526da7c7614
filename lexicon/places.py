"""China's administrative divisions as data: names, hierarchy, and places named in text.

The table (``data/places.tsv``, from JioNLP's division data; ``data/places_extra.tsv``
for national new areas) holds every province, prefecture-level unit and county-level
unit with its short name, parent and English name. :func:`gazetteer` loads it once.

Text is matched on simplified Chinese, leftmost-longest. A short name counts on its
own only when it is unambiguous enough: provinces and prefecture-level units by their
short names (南阳), county-level units by theirs only in a place slot (去崂山; 长宁,
which two counties share, read as the most prominent, :meth:`Gazetteer.named` giving
them all), and never a short name listed in ``data/place_common_words.txt`` (中山 is a
university and a road as often as a city). A known place followed by a zone suffix
is that zone (绵阳高新区), and an unknown name with an administrative suffix after a
word such as 去 or 在 is still recognised as a place of unknown parentage (去临江新区).

>>> g = gazetteer()
>>> [(m.text, m.place.name) for m in g.find("我是硕士，去南阳工作")]
[('南阳', '南阳市')]
>>> g.get("370212").name, g.province_of(g.get("370212")).name
('崂山区', '山东省')
>>> m = g.find("毕业去绵阳高新区工作")[0]
>>> (m.text, m.place.level, m.place.parent)
('绵阳高新区', 'zone', '510700')
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path

import jieba

from lexicon.place_types import (
    UNLISTED,
    WORD_WINDOW,
    Level,
    Mention,
    Place,
    lend_suffix,
    load_places,
    read_in_context,
    read_rows,
    read_words,
    starts_a_word,
)
from lexicon.segmenter import JIEBA_LOCK, dictionary_tag
from lexicon.unlisted_places import UnlistedNames
from lexicon.zones import zone_kind, zone_spellings

__all__ = ["DATA", "NATIONAL", "UNLISTED", "WORD_WINDOW", "Gazetteer", "Level", "Mention",
           "Place", "gazetteer", "load_places", "starts_a_word"]

DATA = Path(__file__).with_name("data")
NATIONAL = "全国"
_LEVEL_RANK = {"province": 0, "city": 1, "county": 2, "zone": 3}
_CJK = re.compile(r"[\u4e00-\u9fff]")


#: suffixes of the places below a county (a town, a township, a village, a street office)
_TOWN_SUFFIXES = ("镇", "乡", "村", "街道")


#: the segmenter dictionary's tag of a place name
_PLACE_TAG = "ns"

class Gazetteer:
    """Places by code and name, their hierarchy, and place mentions in text."""

    def __init__(self, places: Iterable[Place], common_words: Iterable[str] = (),
                 zone_suffixes: Iterable[str] = (), admin_suffixes: Iterable[str] = (),
                 generic_names: Iterable[str] = (), lead_words: Iterable[str] = (),
                 zone_kinds: Mapping[str, Sequence[str]] | None = None,
                 level_marks: Iterable[str] = (), level_suffixes: Iterable[str] = (),
                 english_aliases: Iterable[tuple[str, str]] = (),
                 time_marks: Iterable[str] = (), facility_words: Iterable[str] = ()) -> None:
        admin_suffixes, lead_words = tuple(admin_suffixes), tuple(lead_words)
        self._by_code = {p.code: p for p in places}
        self._english_aliases = tuple(english_aliases)  # (full name, another English name)
        self._zone_kinds = dict(zone_kinds or {})
        self._common = frozenset(common_words)
        self._zone_suffixes = tuple(sorted(zone_suffixes, key=len, reverse=True))
        self._generic = frozenset(generic_names)
        by_name: dict[str, list[Place]] = defaultdict(list)
        shorts: dict[str, list[Place]] = defaultdict(list)
        for p in self._by_code.values():
            by_name[p.name].append(p)
            if p.short and p.short != p.name:
                shorts[p.short].append(p)
        for short, owners in shorts.items():
            if len(short) < 2 or short in self._common or short in by_name:
                continue
            if all(p.level == "zone" for p in owners):
                continue  # 高新区, 经开区: meaningless without their city
            # a county-level short name that several share (长宁: 上海's 区 and 宜宾's 县)
            # is still a place, read only in a place slot as every county's is
            by_name[short].extend(owners)
        spellings = zone_spellings(shorts, by_name, self._zone_suffixes, self._zone_kinds,
                                   excluded=self._common | self._generic)
        for name, owner in spellings.items():
            by_name[name].append(owner)
        self._by_name = {n: tuple(sorted(ps, key=_rank)) for n, ps in by_name.items()}
        # everyday-word short names of prefecture-level cities, named only in a question's
        # place slot (:meth:`_common_in_slot`)
        self._common_city_names = {
            short: tuple(sorted(owners, key=_rank)) for short, owners in shorts.items()
            if short in self._common and short not in by_name
            and all(p.level != "zone" for p in owners)
            and (any(_LEVEL_RANK[p.level] <= _LEVEL_RANK["city"] for p in owners)
                 # a county's (普陀, 开平) when the dictionary knows the word as a place's
                 or dictionary_tag(short) == _PLACE_TAG)}
        lengths: dict[str, set[int]] = defaultdict(set)
        for name in self._by_name:
            lengths[name[0]].add(len(name))
        # the name lengths to try at a position, longest first, by its first character
        self._lengths = {ch: tuple(sorted(ls, reverse=True)) for ch, ls in lengths.items()}
        self._by_en = self._english()
        self._leads = frozenset(w for w in lead_words if len(w) == 1)
        # a time word's last character (2023年崂山, 去年崂山): a county's short name after it
        # is in a place slot, though no unknown name is read after it
        self._time_marks = frozenset(time_marks)
        self._asking_leads = tuple(w for w in lead_words if len(w) > 1)  # 请问, 咨询
        zones = "|".join(map(re.escape, self._zone_suffixes))
        infix = r"[^\W\d_的对在和与跟及等是为了向给从把被及或]"
        self._zone_re = re.compile(rf"{infix}{{0,4}}?(?:{zones})") if zones else None
        self._unlisted = UnlistedNames(admin_suffixes, lead_words, generic_names,
                                       facility_words)
        self._suffix_starts = tuple(sorted(admin_suffixes, key=len, reverse=True))
        self._level_marks = frozenset(level_marks)
        self._level_suffixes = frozenset(level_suffixes)

    def _zone_kind(self, name: str) -> str | None:
        return zone_kind(name, self._zone_kinds)

    def _english(self) -> dict[str, tuple[Place, ...]]:
        out: dict[str, list[Place]] = defaultdict(list)
        for p in self._by_code.values():
            if p.en and p.level != "zone":
                out[p.en.lower()].append(p)
        by_name = {p.name: p for p in self._by_code.values()}
        for name, en in self._english_aliases:
            if name in by_name and by_name[name] not in out[en.lower()]:
                out[en.lower()].append(by_name[name])
        return {k: tuple(sorted(v, key=_rank)) for k, v in out.items()}

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._by_code.values())

    def get(self, code: str) -> Place:
        """The place with ``code``; ``KeyError`` when there is none."""
        return self._by_code[code]

    def named(self, name: str) -> tuple[Place, ...]:
        """Places a name refers to (full or accepted short name), most prominent first.

        >>> [p.name for p in gazetteer().named("朝阳")]
        ['朝阳市', '朝阳区', '朝阳区']
        """
        return self._by_name.get(name.strip(), ())

    def resolve(self, name: str | None) -> Place | None:
        """The most prominent place a region name refers to (None for 全国 or unknown)."""
        if not name or name == NATIONAL:
            return None
        found = self.named(name)
        if found:
            return found[0]
        chain = self.narrowest(self.find(name))
        return chain.place if chain is not None and chain.end == len(name.strip()) else None

    def narrowest(self, mentions: tuple[Mention, ...]) -> Mention | None:
        """The first mention, narrowed to the parts of it named right after it
        (青岛市崂山区 -> 崂山区); None when there are no mentions."""
        if not mentions:
            return None
        current = mentions[0]
        for nxt in mentions[1:]:
            if nxt.start - current.end > 2 or not self.within(nxt.place, current.place):
                break
            current = nxt
        return current

    def english(self, name: str) -> tuple[Place, ...]:
        """Places an English name (pinyin or conventional) refers to.

        >>> [p.name for p in gazetteer().english("Chengdu")]
        ['成都市']
        >>> [p.name for p in gazetteer().english("Kashgar")]
        ['喀什地区', '喀什市']
        """
        return self._by_en.get(name.strip().lower(), ())

    def english_names(self) -> tuple[str, ...]:
        """Every English place name known, longest first (for scanning English text)."""
        return tuple(sorted(self._by_en, key=len, reverse=True))

    def parent(self, place: Place) -> Place | None:
        return self._by_code.get(place.parent) if place.parent else None

    def ancestors(self, place: Place) -> tuple[Place, ...]:
        """Parent, grandparent, … up to the province."""
        out: list[Place] = []
        current = self.parent(place)
        while current is not None and current not in out:
            out.append(current)
            current = self.parent(current)
        return tuple(out)

    def province_of(self, place: Place | None) -> Place | None:
        """The province-level unit a place lies in (itself for a province)."""
        if place is None:
            return None
        chain = (place, *self.ancestors(place))
        return chain[-1] if chain[-1].level == "province" else None

    def within(self, inner: Place, outer: Place) -> bool:
        """True when ``inner`` is ``outer`` or lies inside it."""
        return inner.code == outer.code or outer in self.ancestors(inner)

    def find(self, text: str, *, unknown: bool = True) -> tuple[Mention, ...]:
        """Places named in simplified ``text``, in order, without overlaps.

        Where two readings overlap the longer one wins, then the more prominent
        (从江苏 names 江苏, not 从江 county). A county-level short name counts only in a
        place slot: at the start, after a word such as 去 or 在, or right after its own
        city or province (青岛崂山); 创新平台 does not name 新平. No short name counts
        where its first character ends another word (确保定点, 平台中). With ``unknown``,
        names recognised only by their suffix are added (for questions, not documents).
        """
        found: list[tuple[int, int, tuple[Place, ...]]] = []
        for i, ch in enumerate(text):
            for length in self._lengths.get(ch, ()):
                if i + length > len(text):
                    continue
                places = self._by_name.get(text[i:i + length])
                if places and self._level_word(text, i + length):
                    continue  # 海南省级: the suffix belongs to 省级, the place is 海南
                if places and self._slot_ok(text, i, text[i:i + length], places):
                    found.append((i, i + length, places))
                    break
        found = lend_suffix(found)
        # a place with the zone after it (威海火炬高新区) is one mention, as long as the two
        zones = {(s, e): self._zone_after(text, e, ps[0]) for s, e, ps in found}
        found.sort(key=lambda c: (c[0] - (zones[c[0], c[1]] or (None, c[1]))[1],
                                  _rank(c[2][0]), c[0]))
        chosen: list[Mention] = []
        for start, end, places in found:
            if any(m.start < end and start < m.end for m in chosen):
                continue
            zone = zones[start, end]
            if zone is not None and any(m.start < zone[1] and start < m.end for m in chosen):
                zone = None
            if zone is not None:
                chosen.append(Mention(text[start:zone[1]], start, zone[1], zone[0],
                                      known=zone[0].code in self._by_code))
            else:
                chosen.append(Mention(text[start:end], start, end, places[0], places[1:]))
        chosen.sort(key=lambda m: m.start)
        chosen = read_in_context(chosen, self.within)
        if not unknown:
            return tuple(chosen)
        known = [*chosen, *self._common_in_slot(text, chosen)]
        return tuple(sorted([*known, *self._unlisted.find(text, known)], key=lambda m: m.start))

    def _level_word(self, text: str, end: int) -> bool:
        """True when the name ending at ``end`` lends its suffix to a level word (省级)."""
        return (0 < end < len(text) and text[end] in self._level_marks
                and text[end - 1] in self._level_suffixes)

    def _slot_ok(self, text: str, start: int, name: str, places: tuple[Place, ...]) -> bool:
        """False for a short name whose first character ends another word (确保定点 does
        not name 保定), for a county-level short name outside a place slot unless an
        administrative suffix follows it (酉阳县 for 酉阳土家族苗族自治县), and for one
        a town's or village's suffix follows (山阳镇 is a town, not 山阳区)."""
        place = places[0]
        if name == place.name:
            return True
        if place.level == "county" and text.startswith(_TOWN_SUFFIXES, start + len(name)):
            return False
        if text.startswith(self._suffix_starts, start + len(name)):  # 酉阳县, 嫩江市
            return starts_a_word(text, start)
        return self._in_slot(text, start, place) and starts_a_word(text, start)

    def _in_slot(self, text: str, start: int, place: Place) -> bool:
        """True for a province or city, and for a county in a place slot."""
        if _LEVEL_RANK[place.level] <= _LEVEL_RANK["city"]:
            return True
        before = text[:start]
        if (not before or not _CJK.match(before[-1]) or before[-1] in self._leads
                or before[-1] in self._time_marks
                or before.endswith(self._asking_leads)):  # 请问一下德令哈
            return True
        return any(before.endswith(a.short) or before.endswith(a.name)
                   for a in self.ancestors(place))

    def _zone_after(self, text: str, end: int, host: Place) -> tuple[Place, int] | None:
        """A zone right after a known place, with up to four name characters between
        (绵阳高新区, 威海火炬高新区): the table's zone when it has one by that name."""
        if host.level == "zone":
            return None
        m = self._zone_re.match(text, end) if self._zone_re else None
        if m is None:
            return None
        if any(text[end:end + n] in self._by_name for n in range(2, 5)):
            return None  # 山东威海高新区, 重庆两江新区: the zone follows a place of its own
        start = text.rfind(host.short, 0, end) if host.short else -1
        name = text[start if start >= 0 else end - len(host.name):m.end()]
        known = self._by_name.get(name) or self._same_kind_zone(name, host)
        if known:
            return known[0], m.end()
        # the host's zone of a kind, named by nothing but the kind's suffix, is one place
        # however the suffix is spelled (北京经开区, 北京经济技术开发区)
        kind = self._zone_kind(m.group()) if m.group() in self._zone_suffixes else None
        return Place(f"{host.code}+{kind or name}", name, name, "zone", host.code), m.end()

    def _same_kind_zone(self, name: str, host: Place) -> tuple[Place, ...]:
        """The host's one table zone of the same kind as ``name`` (威海高新区 -> 威海火炬
        高技术产业开发区); empty when the kind is unknown or the host has several."""
        kind = self._zone_kind(name)
        if kind is None:
            return ()
        marks = self._zone_kinds[kind]
        found = tuple(p for p in self._by_code.values() if p.parent == host.code
                      and p.level == "zone" and any(w in p.name for w in marks))
        return found if len(found) == 1 else ()

    def _common_in_slot(self, text: str, known: Sequence[Mention]) -> list[Mention]:
        """Cities whose short name is also an everyday word (北海, 黄山), named in a
        question where only a place fits: at its start, after a lead word such as 去 or an
        asking phrase such as 请问, or right after its own province, and read by the
        segmenter as a word of its own (not 北海道, 中山大学); so are counties the
        segmenter's dictionary knows as places (开平), though only after a lead word.

        >>> [m.text for m in gazetteer().find("请问和田的人才公寓")]
        ['和田']
        """
        found: list[Mention] = []
        for name, places in self._common_city_names.items():
            for m in re.finditer(re.escape(name), text):
                start, end = m.start(), m.end()
                if any(k.start < end and start < k.end for k in (*known, *found)):
                    continue
                before = text[start - 1] if start else ""
                after_own = any(k.end == start and k.place.code == p.parent
                                for k in known for p in places)  # 广西北海
                if (before and _CJK.match(before) and before not in self._leads
                        and not after_own and not text[:start].endswith(self._asking_leads)):
                    continue
                if all(p.level == "county" for p in places) and not (
                        before in self._leads or after_own
                        or text[:start].endswith(self._asking_leads)):
                    continue  # a county's (永康) only after a lead word: 新建的公寓 is new
                with JIEBA_LOCK:
                    first = jieba.lcut(text[start:start + 8], HMM=False)[0]
                if first == name:
                    found.append(Mention(name, start, end, places[0], places[1:]))
        return found

def _rank(p: Place) -> tuple[int, str]:
    return (_LEVEL_RANK[p.level], p.code)


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer (loaded once from ``lexicon/data``)."""
    suffixes = read_rows(DATA / "place_suffixes.tsv")
    by_kind: dict[str, list[str]] = defaultdict(list)
    for r in suffixes:
        by_kind[r["kind"]].append(r["suffix"])
    return Gazetteer(
        load_places(DATA / "places.tsv", DATA / "places_extra.tsv"),
        common_words=read_words(DATA / "place_common_words.txt"),
        zone_suffixes=by_kind["zone"],
        admin_suffixes=[*by_kind["zone"], *by_kind["admin"]],
        generic_names=read_words(DATA / "place_generic_names.txt"),
        lead_words=by_kind["lead"],
        zone_kinds={r["kind"]: tuple(r["markers"].split())
                    for r in read_rows(DATA / "zone_kinds.tsv")},
        level_marks=by_kind["level"],
        level_suffixes=by_kind["level_suffix"],
        english_aliases=[(r["name"], r["en"])
                         for r in read_rows(DATA / "place_names_en_other.tsv")],
        time_marks=by_kind["time"],
        facility_words=by_kind["facility"],
    )
