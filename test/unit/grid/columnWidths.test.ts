import fc from "fast-check";
import {
  clampWidth,
  COLUMN_WIDTH,
  gridTemplate,
  keyboardResize,
  logicalArrow,
  resizedWidth,
  rowWidth,
  widthFromSizeFactor,
} from "../../../shared/src/grid";

describe("column widths", () => {
  it("reads a model-driven view's pixel widths as pixels, with no 360 px floor", () => {
    expect(widthFromSizeFactor(100)).toBe(100);
    expect(widthFromSizeFactor(150)).toBe(150);
    expect(widthFromSizeFactor(300)).toBe(300);
    // Twelve 100 px view columns fit in 1,240 px, as in the view.
    expect(
      rowWidth(
        40,
        Array.from({ length: 12 }, () => widthFromSizeFactor(100)),
      ),
    ).toBe(1240);
  });

  it("reads small factors as ratios of the base width, and anything unusable as the base width", () => {
    expect(widthFromSizeFactor(1)).toBe(COLUMN_WIDTH.base);
    expect(widthFromSizeFactor(2)).toBe(2 * COLUMN_WIDTH.base);
    expect(widthFromSizeFactor(0.5)).toBe(75);
    for (const bad of [0, -1, NaN, Infinity, undefined, null, "200"]) expect(widthFromSizeFactor(bad)).toBe(COLUMN_WIDTH.base);
  });

  it("keeps every width within the limits", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), (f) => {
        const w = widthFromSizeFactor(f);
        return w >= COLUMN_WIDTH.min && w <= COLUMN_WIDTH.max && Number.isInteger(w);
      }),
    );
    expect(clampWidth(5)).toBe(COLUMN_WIDTH.min);
    expect(clampWidth(99999)).toBe(COLUMN_WIDTH.max);
  });

  it("resizes by pointer along the reading direction", () => {
    expect(resizedWidth(150, 30, "ltr")).toBe(180);
    expect(resizedWidth(150, 30, "rtl")).toBe(120);
    expect(resizedWidth(150, -500, "ltr")).toBe(COLUMN_WIDTH.min);
  });

  it("resizes by keyboard, mirrored in right-to-left layouts, and ignores other keys", () => {
    expect(keyboardResize(150, "ArrowRight", "ltr", false)).toBe(166);
    expect(keyboardResize(150, "ArrowLeft", "ltr", false)).toBe(134);
    expect(keyboardResize(150, "ArrowLeft", "rtl", false)).toBe(166);
    expect(keyboardResize(150, "ArrowRight", "ltr", true)).toBe(214);
    expect(keyboardResize(150, "ArrowDown", "ltr", false)).toBeNull();
    fc.assert(
      fc.property(
        fc.integer({ min: 48, max: 1000 }),
        fc.constantFrom("ArrowRight", "ArrowLeft"),
        fc.constantFrom("ltr" as const, "rtl" as const),
        fc.boolean(),
        (w, k, d, big) => {
          const next = keyboardResize(w, k, d, big)!;
          const back = keyboardResize(next, k === "ArrowRight" ? "ArrowLeft" : "ArrowRight", d, big)!;
          // A step and its opposite come back unless a limit was hit.
          return (
            next >= COLUMN_WIDTH.min && next <= COLUMN_WIDTH.max && (next === COLUMN_WIDTH.min || next === COLUMN_WIDTH.max || back === w)
          );
        },
      ),
    );
  });

  it("mirrors only the horizontal arrows for right-to-left layouts", () => {
    expect(logicalArrow("ArrowRight", "rtl")).toBe("ArrowLeft");
    expect(logicalArrow("ArrowLeft", "rtl")).toBe("ArrowRight");
    expect(logicalArrow("ArrowDown", "rtl")).toBe("ArrowDown");
    expect(logicalArrow("ArrowRight", "ltr")).toBe("ArrowRight");
  });

  it("builds the CSS template", () => {
    expect(gridTemplate(40, [100, 150])).toBe("40px 100px 150px");
  });
});
