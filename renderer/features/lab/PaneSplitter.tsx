/**
 * The divider between the editor (above) and the run area (below): drag it, or focus it and use
 * the arrow keys, Home and End; Enter gives the space back to the automatic split. The share is
 * the editor's part of the column's height (null: automatic).
 */
import { useTranslation } from 'react-i18next';
import { useRef, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { percent } from '../../i18n/numberFormat';

export const MIN_SHARE = 0.2;
export const MAX_SHARE = 0.85;
const STEP = 0.05;

const clamp = (v: number) => Math.min(MAX_SHARE, Math.max(MIN_SHARE, v));

export interface PaneSplitterProps {
  /** The column being split. */
  container: RefObject<HTMLElement | null>;
  /** The pane above the divider (its height gives the share while automatic). */
  above: RefObject<HTMLElement | null>;
  aboveId: string;
  share: number | null;
  onChange(share: number | null): void;
}

export function PaneSplitter({ container, above, aboveId, share, onChange }: PaneSplitterProps) {
  const dragging = useRef(false);
  const current = () => {
    if (share !== null) return share;
    const total = container.current?.clientHeight ?? 0;
    return total > 0 ? clamp((above.current?.offsetHeight ?? 0) / total) : 0.5;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next =
      e.key === 'ArrowUp'
        ? current() - STEP
        : e.key === 'ArrowDown'
          ? current() + STEP
          : e.key === 'Home'
            ? MIN_SHARE
            : e.key === 'End'
              ? MAX_SHARE
              : e.key === 'Enter'
                ? null
                : undefined;
    if (next === undefined) return;
    e.preventDefault();
    onChange(next === null ? null : clamp(next));
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const box = container.current?.getBoundingClientRect();
    if (!dragging.current || !box || box.height <= 0) return;
    onChange(clamp((e.clientY - box.top) / box.height));
  };
  const { t } = useTranslation('lab');
  const value = Math.round(current() * 100);
  return (
    <div
      className="pane-splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-controls={aboveId}
      aria-label={t('splitter.label')}
      aria-valuemin={MIN_SHARE * 100}
      aria-valuemax={MAX_SHARE * 100}
      aria-valuenow={value}
      aria-valuetext={t('splitter.value', { value: percent(value) })}
      tabIndex={0}
      title={t('splitter.title')}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onChange(null)}
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={onPointerMove}
      onPointerUp={(e) => {
        dragging.current = false;
        e.currentTarget.releasePointerCapture(e.pointerId);
      }}
    >
      <span aria-hidden="true" />
    </div>
  );
}
