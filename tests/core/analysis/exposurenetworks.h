// SPDX-License-Identifier: MIT
// Small hand-made networks shared by the exposure and explanation tests. Every figure the
// tests check for them is worked out by hand in the test's comments.
#pragma once

#include "core/model/dataset.h"

namespace chokepoint::test {

/// Network A: cell <- {cat, gra}, cat <- ref, ref <- ore.
///
///   sites: sA USA (supA, USA)       makes cell, uses technology t2 from the USA (never controlled)
///          sB KOR (supB, owner CHN) makes cell  -- a Chinese-owned site abroad
///          sC DEU (supC)            makes cat
///          sD CHN (supD)            makes cat
///          sE KOR (supE)            makes ref, uses technology t1 from China
///          sF IDN (supF)            mines ore
///          sG CHN (supG)            mines gra
///          sH USA (supH, owner CHN) mines gra -- a Chinese-owned mine abroad
///   supply: self cell: sA 0.6 ($600), sB 0.3 ($300)   (unknown 0.1)
///           sA cat: sC 0.5, sD 0.3 (unknown 0.2);  sA gra: sH 0.7 (unknown 0.3)
///           sB cat: sC 1.0;                        sB gra: sG 0.4, sH 0.6
///           sC ref: sE 0.5 (unknown 0.5);          sD ref: sE 1.0
///           sE ore: sF 0.6 (unknown 0.4)
///   world CHN share: ore 0.2, ref 0.6, cat 0.5, gra 0.8, cell 0.7
///   controls: c1 CHN material gra     2024-01-01 ..
///             c2 CHN technology t1    2025-07-15 ..
///             c3 CHN material ref     2025-01-01 .. 2025-06-01 (ended)
///             c4 IDN material ore     2026-01-01 .. (not yet effective in 2025)
///   products: P1 (cell x2, 1000 units at 50), P2 (gra, 10 units, no price), P3 (empty BOM)
core::Dataset networkA();

/// Network C: y <- x, x <- {a, b}; unknown origin at several tiers, a buyer without any
/// link for an input, two sites of one supplier, a link without spend, a material with no
/// world shares.
///
///   sites: s1 USA (sup1), s6 USA (sup1), s2 DEU (sup2) make y; s2 also makes z
///          s3 JPN (sup3) makes x; s4 USA (sup4) mines a; s5 CHN (sup5) mines b
///   supply: self y: s1 0.5 ($100), s2 0.2 (no spend), s6 0.1 ($50)   (unknown 0.2)
///           self z: s2 1.0 (no spend)
///           s1 x: s3 0.6 (unknown 0.4);  s2 x: none;  s6 x: s3 1.0
///           s3 a: s4 0.25 (unknown 0.75); s3 b: s5 0.5 (unknown 0.5)
///   world: a CHN 0.5 USA 0.2; b CHN 0.1 USA 0.9; x none; y CHN 0.3; z none
///   products: Q (x, y), 100 units at 10
core::Dataset networkC();

/// Network B: one material bought from an IDN and a USA site, with an IDN control
/// 2025-03-01 .. 2025-09-01 and a CHN control from 2025-06-01.
///   self ore: sI IDN 0.5, sU USA 0.3 (unknown 0.2); world ore: CHN 0.3, IDN 0.5
core::Dataset networkB();

} // namespace chokepoint::test
