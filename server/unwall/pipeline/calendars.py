"""Part of stage 5, enrich: dates written in the Thai and the Solar Hijri
calendars, as Gregorian ISO dates (shared/rules/languages.json, `calendars`).

Thai dates count years in the Buddhist era, 543 ahead of the Gregorian
('6 พฤษภาคม 2567', '6 พ.ค. 67'); Persian ones are Solar Hijri, a calendar of
its own ('۱۴ اردیبهشت ۱۴۰۳', '۱۴۰۳/۰۲/۱۴'). Their digits may be Thai,
Persian or Arabic-Indic.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from unwall.rules import read_rule_file

# The Solar Hijri years the 33-year rule gets right (1965 to 2094).
FIRST_SOLAR_HIJRI_YEAR = 1343
LAST_SOLAR_HIJRI_YEAR = 1473
# The Thai years a news page dates itself with: Buddhist era 2400 is 1857.
FIRST_BUDDHIST_ERA_YEAR = 2400
BUDDHIST_CENTURY = 2500  # a two-digit Thai year ('67') is of this century

_NOWRUZ_1403 = date(2024, 3, 20)
# The years of each 33-year cycle that have a 30th of Esfand.
_SOLAR_HIJRI_LEAP_REMAINDERS = frozenset({1, 5, 9, 13, 17, 22, 26, 30})


def solar_hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a Solar Hijri date; None for a day that calendar lacks."""
    if not FIRST_SOLAR_HIJRI_YEAR <= year <= LAST_SOLAR_HIJRI_YEAR or not 1 <= month <= 12:
        return None
    month_days = 31 if month <= 6 else 30 if month <= 11 else 30 if _is_solar_hijri_leap(year) else 29
    if not 1 <= day <= month_days:
        return None
    nowruz = _NOWRUZ_1403 + timedelta(days=_days_between_nowruz(1403, year))
    day_of_year = (month - 1) * 31 if month <= 7 else 6 * 31 + (month - 7) * 30
    return nowruz + timedelta(days=day_of_year + day - 1)


def _is_solar_hijri_leap(year: int) -> bool:
    return year % 33 in _SOLAR_HIJRI_LEAP_REMAINDERS


def _days_between_nowruz(start: int, end: int) -> int:
    """Days from the first of Farvardin of `start` to that of `end`."""
    if end < start:
        return -_days_between_nowruz(end, start)
    return sum(366 if _is_solar_hijri_leap(year) else 365 for year in range(start, end))


def buddhist_era_to_gregorian(year: int) -> int:
    """'2567' and '67' are 2024; a Gregorian year stays as it is (Thai pages write both)."""
    if year < 100:
        year += BUDDHIST_CENTURY
    return year - _calendar_data().thai_era_offset if year >= FIRST_BUDDHIST_ERA_YEAR else year


class _CalendarData:
    def __init__(self) -> None:
        calendars = read_rule_file("languages.json")["calendars"]
        self.thai_era_offset: int = calendars["thai"]["era_offset"]
        self.thai_months = _numbered(calendars["thai"]["months"])
        self.solar_hijri_months = _numbered(calendars["solar_hijri"]["months"])
        # '6 พฤษภาคม 2567', 'วันที่ 6 พ.ค. พ.ศ. 2567', '6 พ.ค. 67'
        self.thai_date = re.compile(
            rf"(?<!\d)(\d{{1,2}})\s*({_names(self.thai_months)})\s*(?:พ\.ศ\.\s*)?(\d{{4}}|\d{{2}})(?!\d)"
        )
        # '۱۴ اردیبهشت ۱۴۰۳', '14 اردیبهشت 1403'
        self.solar_hijri_date = re.compile(
            rf"(?<!\d)(\d{{1,2}})\s+({_names(self.solar_hijri_months)})\s+(\d{{4}})(?!\d)"
        )


def _numbered(months: list[list[str]]) -> dict[str, int]:
    return {name: number for number, names in enumerate(months, start=1) for name in names}


def _names(months: dict[str, int]) -> str:
    return "|".join(map(re.escape, sorted(months, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _calendar_data() -> _CalendarData:
    return _CalendarData()


# Persian, Arabic-Indic and Thai digits.
_ASCII_DIGITS = str.maketrans(
    {chr(zero + value): str(value) for zero in (0x6F0, 0x660, 0xE50) for value in range(10)}
)
# Year first, as Persian sites write it ('۱۴۰۳/۰۲/۱۴', '1403-02-14'); day first
# with a Buddhist-era year, as Thai sites do ('06/05/2567').
_SOLAR_HIJRI_NUMERIC = re.compile(r"(?<![\d/.-])(1[34]\d\d)([/.-])(\d{1,2})\2(\d{1,2})(?![\d/.-])")
_BUDDHIST_ERA_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(2[4-6]\d\d)(?![\d/.-])")


def local_calendar_date(text: str) -> date | None:
    """The Gregorian day of the first Thai or Solar Hijri date in `text`."""
    data = _calendar_data()
    text = text.translate(_ASCII_DIGITS)
    if match := data.thai_date.search(text):
        day, month, year = int(match[1]), data.thai_months[match[2]], int(match[3])
        return _gregorian_day(buddhist_era_to_gregorian(year), month, day)
    if match := data.solar_hijri_date.search(text):
        return solar_hijri_to_gregorian(int(match[3]), data.solar_hijri_months[match[2]], int(match[1]))
    if match := _SOLAR_HIJRI_NUMERIC.search(text):
        return solar_hijri_to_gregorian(int(match[1]), int(match[3]), int(match[4]))
    if match := _BUDDHIST_ERA_NUMERIC.search(text):
        return _gregorian_day(buddhist_era_to_gregorian(int(match[4])), int(match[3]), int(match[1]))
    return None


def _gregorian_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
