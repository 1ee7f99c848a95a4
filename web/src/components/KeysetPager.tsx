/**
 * Keyset paging for a table the API pages by cursor (records by `after`, the audit log by
 * `before`): a stack of the cursors of the pages after the first, kept for one `key` (the filters)
 * so that new filters start again at page 1 in the same render; and the pager under the table.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface KeysetPages {
  /** The cursor of the page shown; undefined on the first. */
  readonly cursor: number | undefined;
  readonly depth: number;
  back(): void;
  forward(cursor: number): void;
}

export function useKeysetPages(key: string): KeysetPages {
  const [stack, setStack] = useState<{ key: string; cursors: number[] }>({ key, cursors: [] });
  const cursors = stack.key === key ? stack.cursors : [];
  return {
    cursor: cursors[cursors.length - 1],
    depth: cursors.length,
    back: () => setStack({ key, cursors: cursors.slice(0, -1) }),
    forward: (cursor) => setStack({ key, cursors: [...cursors, cursor] }),
  };
}

export function KeysetPager({ pages, next, label, backLabel, forwardLabel }: {
  readonly pages: KeysetPages;
  /** The next page's cursor, or null on the last page. */
  readonly next: number | null;
  readonly label: string;
  readonly backLabel: string;
  readonly forwardLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" disabled={pages.depth === 0} onClick={pages.back}>{backLabel}</button>
      <span>{t('records.page', { n: pages.depth + 1 })}</span>
      <button type="button" disabled={next === null} onClick={() => {
        if (next !== null) pages.forward(next);
      }}>{forwardLabel}</button>
    </nav>
  );
}
