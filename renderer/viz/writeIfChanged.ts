/**
 * DOM writes that skip values the element already has. The cluster map redraws on every frame of
 * playback, and a write of an unchanged value still costs: a new text node for every `.text()`,
 * a style invalidation and a mutation record for every attribute, and garbage that ends in a
 * major collection (a dropped frame). These helpers compare first and write only what changed.
 */
import type { BaseType, Selection } from 'd3';

/** Sets the attribute unless it already has this value. */
export function setAttr(el: Element, name: string, value: string | number): void {
  const text = typeof value === 'number' ? String(value) : value;
  if (el.getAttribute(name) !== text) el.setAttribute(name, text);
}

/** Sets the element's text unless it already reads so. */
export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

/** Adds or removes the class unless the element already has it so. */
export function setClass(el: Element, name: string, on: boolean): void {
  if (el.classList.contains(name) !== on) el.classList.toggle(name, on);
}

// A selection of any kind (any parent), as the helpers below only read each element's datum;
// its elements are the SVG and HTML elements d3 selected (never null: `each` skips gaps).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySelection<E extends BaseType, D> = Selection<E, D, any, any>;

/** `selection.attr(name, value)`, writing only the elements whose value changes. */
export function attrOf<E extends BaseType, D>(
  selection: AnySelection<E, D>,
  name: string,
  value: string | number | ((d: D, i: number) => string | number),
): AnySelection<E, D> {
  return selection.each(function (d, i) {
    setAttr(this as Element, name, typeof value === 'function' ? value(d, i) : value);
  });
}

/** `selection.text(value)`, writing only the elements whose text changes. */
export function textOf<E extends BaseType, D>(
  selection: AnySelection<E, D>,
  value: (d: D, i: number) => string,
): AnySelection<E, D> {
  return selection.each(function (d, i) {
    setText(this as Element, value(d, i));
  });
}

/** `selection.classed(name, on)`, writing only the elements whose class changes. */
export function classOf<E extends BaseType, D>(
  selection: AnySelection<E, D>,
  name: string,
  on: (d: D, i: number) => boolean,
): AnySelection<E, D> {
  return selection.each(function (d, i) {
    setClass(this as Element, name, on(d, i));
  });
}
