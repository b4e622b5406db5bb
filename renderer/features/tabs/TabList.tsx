/**
 * A row of tabs as the WAI-ARIA tabs pattern has it: one tab in the Tab order (the selected one),
 * arrow keys move between tabs and select them, Home and End go to the first and last. Tab `x`
 * is `${idPrefix}-tab-${x}` and controls the panel `${idPrefix}-panel-${x}` (the caller renders it).
 */
import { useRef, type KeyboardEvent } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: string;
}

export interface TabListProps<T extends string> {
  tabs: readonly TabItem<T>[];
  selected: T;
  onSelect(id: T): void;
  /** The tab list's accessible name. */
  label: string;
  idPrefix: string;
  className: string;
  tabClassName: string;
}

/** The tab a key moves to from tab `i` of `n` (-1: the key does not move). */
export function tabKeyTarget(key: string, i: number, n: number): number {
  if (key === 'ArrowRight') return (i + 1) % n;
  if (key === 'ArrowLeft') return (i + n - 1) % n;
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  return -1;
}

export function TabList<T extends string>({
  tabs,
  selected,
  onSelect,
  label,
  idPrefix,
  className,
  tabClassName,
}: TabListProps<T>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = tabKeyTarget(
      e.key,
      tabs.findIndex((x) => x.id === selected),
      tabs.length,
    );
    if (next < 0) return;
    e.preventDefault();
    onSelect(tabs[next]!.id);
    refs.current[next]?.focus();
  };
  return (
    <div className={className} role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((x, i) => (
        <button
          key={x.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${x.id}`}
          aria-controls={`${idPrefix}-panel-${x.id}`}
          aria-selected={selected === x.id}
          tabIndex={selected === x.id ? 0 : -1}
          className={tabClassName}
          onClick={() => onSelect(x.id)}
        >
          {x.label}
        </button>
      ))}
    </div>
  );
}
