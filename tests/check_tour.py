#!/usr/bin/env python3
"""Checks TSPLIB tours independently of the library.

    tests/check_tour.py FILE.tsp FILE.tour [FILE.tsp FILE.tour ...]

For each pair: reads the EUC_2D coordinates and the TOUR_SECTION, verifies
that the tour is a permutation of 1..DIMENSION, computes the closed tour's
length with the TSPLIB rule nint(sqrt(dx^2 + dy^2)) per edge, and compares
it with the "length N" the tour's COMMENT claims (route-bench writes one).
Prints "name n length claimed ok|MISMATCH"; exits 1 if any check fails.
"""
import math
import re
import sys


def read_tsp(path):
    dim, coords, in_coords = None, {}, False
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not in_coords:
                if line.startswith("DIMENSION"):
                    dim = int(line.split(":", 1)[1])
                elif line.startswith("EDGE_WEIGHT_TYPE"):
                    kind = line.split(":", 1)[1].strip()
                    if kind != "EUC_2D":
                        raise ValueError("%s: %s is not EUC_2D" % (path, kind))
                elif line.startswith("NODE_COORD_SECTION"):
                    in_coords = True
            elif line == "EOF" or not line:
                break
            else:
                i, x, y = line.split()[:3]
                coords[int(i)] = (float(x), float(y))
    if dim is None or sorted(coords) != list(range(1, dim + 1)):
        raise ValueError("%s: coordinates do not cover 1..DIMENSION" % path)
    return dim, coords


def read_tour(path):
    tour, in_tour, claimed = [], False, None
    with open(path) as f:
        for line in f:
            line = line.strip()
            m = re.search(r"length (\d+)", line)
            if line.startswith("COMMENT") and m:
                claimed = int(m.group(1))
            if not in_tour:
                in_tour = line.startswith("TOUR_SECTION")
                continue
            if line in ("-1", "EOF"):
                break
            tour.extend(int(v) for v in line.split())
    return tour, claimed


def nint(v):
    return int(math.floor(v + 0.5))


def check(tsp, tour_path):
    dim, c = read_tsp(tsp)
    tour, claimed = read_tour(tour_path)
    if sorted(tour) != list(range(1, dim + 1)):
        return None, dim, tour, claimed, "not a permutation of 1..%d" % dim
    length = 0
    for k in range(dim):
        (x1, y1), (x2, y2) = c[tour[k]], c[tour[(k + 1) % dim]]
        length += nint(math.sqrt((x1 - x2) ** 2 + (y1 - y2) ** 2))
    return length, dim, tour, claimed, None


def main(argv):
    if len(argv) < 3 or len(argv) % 2 == 0:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    bad = 0
    for tsp, tour_path in zip(argv[1::2], argv[2::2]):
        name = re.sub(r"\.tsp$", "", tsp.split("/")[-1])
        length, dim, tour, claimed, err = check(tsp, tour_path)
        if err:
            print("%s %d - - %s" % (name, dim, err))
            bad += 1
            continue
        ok = claimed is None or claimed == length
        starts = "starts at node %d" % tour[0]
        print("%s %d %d %s %s (%s)" % (name, dim, length, claimed if claimed is not None else "-",
                                       "ok" if ok else "MISMATCH", starts))
        bad += 0 if ok else 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
