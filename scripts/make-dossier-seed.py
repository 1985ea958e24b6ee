#!/usr/bin/env python3
"""Writes seed/dossier-results.json: SAMPLE monthly results of handling dossiers (not real figures) for the seeded units
that handle procedures, per procedure field, January 2025 to November 2026. Deterministic (fixed random seed), so the file
only changes when this script does. Run from the repository root."""
import json, random

rnd = random.Random(2025)
MONTHS = [(2025, m) for m in range(1, 13)] + [(2026, m) for m in range(1, 12)]

# (unit, field, dossiers received in an ordinary month, months with more: (month, factor))
FLOWS = [
    ("ubnd-phuong-thac-mo", "ho-tich", 95, {1: 1.3, 12: 1.2}),
    ("ubnd-phuong-thac-mo", "chung-thuc", 320, {7: 1.3, 8: 1.4}),
    ("so-ldtbxh-binh-dinh", "nguoi-co-cong", 34, {7: 1.5}),
    ("so-ldtbxh-binh-dinh", "bao-tro-xa-hoi", 22, {}),
    ("so-ldtbxh-binh-dinh", "viec-lam", 160, {1: 0.6, 2: 1.6, 3: 1.3}),
    ("ubnd-thi-xa-phuoc-long", "bao-tro-xa-hoi", 48, {}),
    ("ubnd-thi-xa-phuoc-long", "nguoi-co-cong", 12, {7: 1.4}),
    ("so-gddt-soc-trang", "van-bang-chung-chi", 42, {6: 1.6, 7: 2.0, 8: 1.7}),
    ("so-gddt-soc-trang", "giao-duc-dao-tao", 14, {8: 1.8}),
    ("phong-gddt-nga-nam", "giao-duc-dao-tao", 18, {7: 1.6, 8: 2.0}),
    ("so-tai-chinh-soc-trang", "tai-chinh-ngan-sach", 26, {12: 1.8}),
    ("so-tai-chinh-soc-trang", "quan-ly-cong-san", 9, {}),
    ("so-tai-chinh-soc-trang", "thanh-lap-doanh-nghiep", 85, {1: 0.7, 2: 0.6, 3: 1.2}),
    ("ubnd-thi-xa-nga-nam", "thanh-lap-doanh-nghiep", 31, {2: 0.6}),
]

# Tết (the lunar new year) falls in late January 2025 and mid-February 2026: fewer dossiers that month.
TET = {(2025, 1): 0.75, (2026, 2): 0.7}

rows = []
for unit, field, base, season in FLOWS:
    pending = round(base * 0.15)
    for i, (year, month) in enumerate(MONTHS):
        received = max(1, round(base * season.get(month, 1.0) * TET.get((year, month), 1.0) * rnd.uniform(0.85, 1.15)))
        # More is filed online as the two years go by (about 35% to 70%).
        online = min(received, round(received * (0.35 + 0.35 * i / len(MONTHS)) * rnd.uniform(0.9, 1.1)))
        workload = pending + received
        resolved = min(workload, round(workload * rnd.uniform(0.8, 0.9)))
        late = round(resolved * rnd.choice([0, 0, 0.005, 0.01, 0.02, 0.04]))
        on_time = resolved - late
        pending = workload - resolved
        overdue = min(pending, rnd.choice([0, 0, 0, 0, 1, 2]))
        apologies = min(late + overdue, late + (overdue if rnd.random() < 0.5 else 0))
        rows.append({"unit": unit, "field": field, "year": year, "month": month, "received": received, "receivedOnline": online,
                     "resolvedOnTime": on_time, "resolvedLate": late, "pendingInTime": pending - overdue, "pendingOverdue": overdue,
                     "apologies": apologies})

with open("seed/dossier-results.json", "w", encoding="utf-8") as f:
    json.dump({"note": "SỐ LIỆU MẪU để minh họa trang kết quả giải quyết hồ sơ thủ tục hành chính, KHÔNG PHẢI số liệu thật của đơn vị; "
                       "đơn vị nhập số liệu xuất từ phần mềm một cửa điện tử để thay. Sample figures for the demo site, not real results.",
               "results": rows}, f, ensure_ascii=False, indent=1)
    f.write("\n")
