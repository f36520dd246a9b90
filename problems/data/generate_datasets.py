"""Build the SQLite datasets for the data challenges DC-1 .. DC-4.

Every dataset is synthetic and seeded: running this script twice gives byte-identical files.
Each builder deletes its file, creates the tables, inserts the rows in a fixed order with
values drawn from its own `random.Random(seed)`, and ends with VACUUM. No clock time is used.

    python problems/data/generate_datasets.py          # rebuild next to this script
"""

from __future__ import annotations

import math
import random
import sqlite3
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from pathlib import Path


def _write(path: Path, schema: str, tables: dict[str, Iterable[tuple]]) -> Path:
    """Create `path` from scratch with `schema`, insert the rows of each table in order."""
    if path.exists():
        path.unlink()
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("PRAGMA page_size=4096")
        connection.executescript(schema)
        connection.execute("BEGIN")
        for table, rows in tables.items():
            rows = list(rows)
            marks = ", ".join("?" * len(rows[0]))
            connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        connection.execute("COMMIT")
        connection.execute("VACUUM")
    finally:
        connection.close()
    return path


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


# -- DC-1: ride-hailing cancellations --------------------------------------------------------
#
# April-June 2024, four cities. On 2024-06-01 the city of Riverton moved to pricing v2, which
# caps the surge multiplier at 1.3. Fewer drivers come online at peak hours, quoted ETAs at
# Riverton peaks roughly double, and riders cancel long-ETA requests. The cancel probability
# depends on the quoted ETA only (the same curve in every city and month), so the cancellation
# rise is an ETA story, not a price story: Riverton's quoted prices actually fall a little.

DC1_CITIES = {"Riverton": 38, "Lakeside": 33, "Hillcrest": 27, "Portmore": 18}  # requests/day
DC1_BASE_ETA = {"Riverton": 6.0, "Lakeside": 5.5, "Hillcrest": 6.5, "Portmore": 7.0}
DC1_BASE_PRICE = {"Riverton": 14.0, "Lakeside": 12.5, "Hillcrest": 16.0, "Portmore": 11.0}
DC1_PEAK_SLOWDOWN = 1.8
DC1_BASE_CANCEL = 0.065
DC1_PEAK_HOURS = {7, 8, 9, 17, 18, 19}
DC1_HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 4, 8, 9, 7, 5, 5, 6, 5, 5, 5, 6, 9, 9, 8, 6, 4, 3, 2]


def dc1_rows(seed: int = 111) -> list[tuple]:
    rng = random.Random(seed)
    rows = []
    day = date(2024, 4, 1)
    request_id = 0
    while day <= date(2024, 6, 30):
        weekend = day.weekday() >= 5
        for city, per_day in DC1_CITIES.items():
            new_pricing = city == "Riverton" and day >= date(2024, 6, 1)
            count = per_day + rng.randint(-4, 4) + (3 if weekend else 0)
            hours = sorted(rng.choices(range(24), weights=DC1_HOUR_WEIGHTS, k=count))
            stamps = sorted((h, rng.randint(0, 59)) for h in hours)
            for hour, minute in stamps:
                peak = hour in DC1_PEAK_HOURS
                eta = DC1_BASE_ETA[city] * rng.lognormvariate(0, 0.35)
                surge = 1.0
                if peak:
                    eta *= 1.25
                    surge = min(1.8, 1.0 + abs(rng.gauss(0.35, 0.2)))
                if new_pricing:
                    surge = min(surge, 1.3)
                    if peak:
                        eta *= DC1_PEAK_SLOWDOWN
                    else:
                        eta *= 1.15
                eta = max(2, round(eta))
                price = DC1_BASE_PRICE[city] * rng.lognormvariate(0, 0.25) * surge
                p_cancel = min(0.9, DC1_BASE_CANCEL + 0.012 * max(0, eta - 4) + 0.0007 * max(0, eta - 10) ** 2)
                cancelled = 1 if rng.random() < p_cancel else 0
                request_id += 1
                stamp = datetime(day.year, day.month, day.day, hour, minute)
                rows.append((request_id, stamp.strftime("%Y-%m-%d %H:%M"), city,
                             "v2" if new_pricing else "v1", round(surge, 2),
                             round(price, 2), eta, cancelled))
        day += timedelta(days=1)
    return rows


def build_dc1(path: Path) -> Path:
    schema = """
    CREATE TABLE requests (
        request_id INTEGER PRIMARY KEY,
        requested_at TEXT NOT NULL,
        city TEXT NOT NULL,
        pricing_version TEXT NOT NULL,
        surge_multiplier REAL NOT NULL,
        quoted_price REAL NOT NULL,
        quoted_eta_min INTEGER NOT NULL,
        cancelled INTEGER NOT NULL
    );
    """
    return _write(path, schema, {"requests": dc1_rows()})


# -- DC-2: e-commerce purchase propensity ----------------------------------------------------
#
# One row per session. Purchase depends mostly on add-to-cart events and session depth
# (pageviews), a little on returning users and traffic source. checkout_steps_completed is a
# leakage trap: it is filled in by the checkout funnel, so it (almost) encodes the label.

DC2_SOURCES = ["search", "ads", "direct", "email", "social"]
DC2_SOURCE_WEIGHTS = [35, 25, 20, 10, 10]
DC2_SOURCE_EFFECT = {"search": 0.1, "ads": -0.2, "direct": 0.2, "email": 0.35, "social": -0.45}
DC2_DEVICES = ["mobile", "desktop", "tablet"]
DC2_DEVICE_WEIGHTS = [58, 34, 8]
DC2_DEVICE_EFFECT = {"mobile": -0.15, "desktop": 0.2, "tablet": 0.0}


def dc2_rows(seed: int = 202) -> list[tuple]:
    rng = random.Random(seed)
    rows = []
    users = 2600
    returning_users = set(rng.sample(range(1, users + 1), 900))
    start = date(2024, 3, 4)
    for session_id in range(1, 6001):
        user_id = rng.randint(1, users)
        day = start + timedelta(days=(session_id - 1) * 28 // 6000)
        device = rng.choices(DC2_DEVICES, DC2_DEVICE_WEIGHTS)[0]
        source = rng.choices(DC2_SOURCES, DC2_SOURCE_WEIGHTS)[0]
        returning = 1 if user_id in returning_users else 0
        engagement = rng.gauss(0, 1) + 0.3 * returning + (0.3 if source == "email" else 0)
        pageviews = max(1, round(math.exp(1.3 + 0.55 * engagement + rng.gauss(0, 0.35))))
        product_views = min(pageviews, max(0, round(pageviews * rng.uniform(0.2, 0.7))))
        cart_rate = _sigmoid(-2.2 + 0.9 * engagement + 0.12 * product_views)
        add_to_cart = 0
        for _ in range(3):
            if rng.random() < cart_rate:
                add_to_cart += 1
            else:
                break
        minutes = round(pageviews * rng.uniform(0.4, 1.6) + rng.uniform(0, 2), 1)
        logit = (-5.7 + 2.9 * min(add_to_cart, 1) + 0.45 * min(add_to_cart, 3)
                 + 0.75 * math.log(pageviews) + 0.4 * returning
                 + DC2_SOURCE_EFFECT[source] + DC2_DEVICE_EFFECT[device])
        purchased = 1 if rng.random() < _sigmoid(logit) else 0
        if purchased:
            steps = 4 if rng.random() < 0.985 else 3
        elif add_to_cart:
            steps = rng.choices([0, 1, 2, 3, 4], [55, 20, 13, 10, 2])[0]
        else:
            steps = 0
        rows.append((session_id, user_id, day.isoformat(), device, source, returning,
                     pageviews, product_views, add_to_cart, minutes, steps, purchased))
    return rows


def build_dc2(path: Path) -> Path:
    schema = """
    CREATE TABLE sessions (
        session_id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL,
        session_date TEXT NOT NULL,
        device TEXT NOT NULL,
        traffic_source TEXT NOT NULL,
        is_returning INTEGER NOT NULL,
        pageviews INTEGER NOT NULL,
        product_views INTEGER NOT NULL,
        add_to_cart INTEGER NOT NULL,
        minutes_on_site REAL NOT NULL,
        checkout_steps_completed INTEGER NOT NULL,
        purchased INTEGER NOT NULL
    );
    """
    return _write(path, schema, {"sessions": dc2_rows()})


# -- DC-3: machine failures from hourly sensors ----------------------------------------------
#
# 40 machines sampled from a 500-machine fleet, hourly readings for 10 days. Model "K2"
# machines vibrate more than "K1" machines even when healthy. Nine failures; six of them are
# preceded by vibration that rises over the last ~36 hours, three come without warning. After a
# failure the machine is down (status 'down', rpm 0) for a few hours, then runs normally again.

DC3_START = datetime(2024, 5, 6)
DC3_HOURS = 240
DC3_FAILURES = [  # (machine_id, hour index of the failure, warned)
    (4, 131, True), (9, 200, True), (13, 77, False), (17, 165, True), (22, 58, True),
    (26, 219, False), (31, 110, True), (35, 186, True), (38, 143, False)]


def dc3_rows(seed: int = 303) -> tuple[list[tuple], list[tuple], list[tuple]]:
    rng = random.Random(seed)
    machines, readings, failures = [], [], []
    failure_at = {machine: (hour, warned) for machine, hour, warned in DC3_FAILURES}
    modes = ["bearing", "bearing", "motor", "bearing", "seal", "motor", "bearing", "bearing",
             "electrical"]
    for number, (machine, hour, _) in enumerate(DC3_FAILURES):
        stamp = DC3_START + timedelta(hours=hour)
        failures.append((machine, stamp.strftime("%Y-%m-%d %H:%M:%S"), modes[number],
                         rng.randint(3, 7)))
    repair = {row[0]: row[3] for row in failures}
    for machine in range(1, 41):
        model = "K2" if machine % 3 == 0 else "K1"
        install_year = 2016 + (machine * 7) % 8
        machines.append((machine, model, install_year, f"hall-{'ABCD'[machine % 4]}"))
        base_vib = (4.2 if model == "K2" else 2.4) * rng.uniform(0.9, 1.1)
        base_temp = rng.uniform(58, 66)
        for hour in range(DC3_HOURS):
            stamp = DC3_START + timedelta(hours=hour)
            daily = math.sin(2 * math.pi * (hour % 24 - 9) / 24)
            vib = base_vib * (1 + 0.05 * daily) + rng.gauss(0, 0.18 * base_vib)
            temp = base_temp + 2.5 * daily + rng.gauss(0, 0.8)
            pressure = 6.0 + rng.gauss(0, 0.15)
            rpm = 1480 + rng.gauss(0, 12)
            status = "running"
            if machine in failure_at:
                fail_hour, warned = failure_at[machine]
                lead = fail_hour - hour
                if warned and 0 < lead <= 36:
                    rise = (36 - lead) / 36
                    vib += base_vib * (1.6 * rise ** 1.5)
                    temp += 3.0 * rise
                if 0 <= -lead < repair[machine]:
                    status, vib, rpm, pressure = "down", 0.1 + rng.uniform(0, 0.1), 0.0, 1.0
                    temp = base_temp - 20 + rng.gauss(0, 1)
            readings.append((machine, stamp.strftime("%Y-%m-%d %H:%M:%S"), round(max(vib, 0.1), 2),
                             round(temp, 1), round(pressure, 2), round(rpm), status))
    return machines, readings, failures


def build_dc3(path: Path) -> Path:
    schema = """
    CREATE TABLE machines (
        machine_id INTEGER PRIMARY KEY,
        model TEXT NOT NULL,
        install_year INTEGER NOT NULL,
        site TEXT NOT NULL
    );
    CREATE TABLE readings (
        machine_id INTEGER NOT NULL,
        ts TEXT NOT NULL,
        vibration_mm_s REAL NOT NULL,
        temperature_c REAL NOT NULL,
        pressure_bar REAL NOT NULL,
        rpm INTEGER NOT NULL,
        status TEXT NOT NULL,
        PRIMARY KEY (machine_id, ts)
    ) WITHOUT ROWID;
    CREATE TABLE failures (
        machine_id INTEGER NOT NULL,
        failed_at TEXT NOT NULL,
        failure_mode TEXT NOT NULL,
        repair_hours INTEGER NOT NULL
    );
    """
    machines, readings, failures = dc3_rows()
    return _write(path, schema, {"machines": machines, "readings": readings,
                                 "failures": failures})


# -- DC-4: an A/B test with a CTR win and a revenue loss -------------------------------------
#
# Two weeks, users randomised 50/50. The treatment's recommendation carousel favours cheap,
# eye-catching items: more clicks, fewer orders per click and a smaller basket, so revenue per
# user drops. The CTR lift is larger in week 1 (novelty). On Android the treatment app drops
# the logs of many low-activity users (a crash on an old app version), so Android shows a
# sample-ratio mismatch and its surviving treatment users look better than they are.

DC4_PLATFORMS = ["ios", "android", "web"]
DC4_PLATFORM_WEIGHTS = [38, 34, 28]


def dc4_rows(seed: int = 449) -> tuple[list[tuple], list[tuple]]:
    rng = random.Random(seed)
    users, weeks = [], []
    user_id = 0
    for _ in range(6000):
        platform = rng.choices(DC4_PLATFORMS, DC4_PLATFORM_WEIGHTS)[0]
        variant = "treatment" if rng.random() < 0.5 else "control"
        activity = rng.lognormvariate(0, 0.7)
        new_user = 1 if rng.random() < 0.25 else 0
        if platform == "android" and variant == "treatment" and activity < 0.8 \
                and rng.random() < 0.45:
            continue  # never logged: the crash on the old Android build
        user_id += 1
        assigned = date(2024, 9, 2) + timedelta(days=rng.randint(0, 2))
        users.append((user_id, variant, platform, assigned.isoformat(), new_user))
        for week in (1, 2):
            impressions = max(1, round(rng.gauss(60, 10) * activity))
            ctr = 0.030 * (1.1 if platform == "web" else 1.0)
            order_rate, basket = 0.12, 46.0
            if variant == "treatment":
                ctr *= 1.26 if week == 1 else 1.12
                order_rate, basket = 0.100, 41.0
            clicks = sum(1 for _ in range(impressions) if rng.random() < ctr)
            orders = sum(1 for _ in range(clicks) if rng.random() < order_rate)
            revenue = sum(basket * rng.lognormvariate(-0.08, 0.4) for _ in range(orders))
            weeks.append((user_id, week, impressions, clicks, orders, round(revenue, 2)))
    return users, weeks


def build_dc4(path: Path) -> Path:
    schema = """
    CREATE TABLE users (
        user_id INTEGER PRIMARY KEY,
        variant TEXT NOT NULL,
        platform TEXT NOT NULL,
        assigned_date TEXT NOT NULL,
        is_new_user INTEGER NOT NULL
    );
    CREATE TABLE user_weeks (
        user_id INTEGER NOT NULL,
        week INTEGER NOT NULL,
        impressions INTEGER NOT NULL,
        clicks INTEGER NOT NULL,
        orders INTEGER NOT NULL,
        revenue REAL NOT NULL,
        PRIMARY KEY (user_id, week)
    ) WITHOUT ROWID;
    """
    users, weeks = dc4_rows()
    return _write(path, schema, {"users": users, "user_weeks": weeks})


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "DC-1.sqlite": build_dc1, "DC-2.sqlite": build_dc2,
    "DC-3.sqlite": build_dc3, "DC-4.sqlite": build_dc4}


def build(folder: Path) -> list[Path]:
    """Build every dataset into `folder`; return the paths in order."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [builder(folder / name) for name, builder in BUILDERS.items()]


if __name__ == "__main__":
    for built in build(Path(__file__).resolve().parent):
        print(f"{built.name}: {built.stat().st_size:,} bytes")
