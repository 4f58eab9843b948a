import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { useOrdersQuery } from './queryStore';
import { useSelection } from './selectionStore';

/** The list's search (`/` focuses it): Esc clears it, then the selection; ↓ goes to the rows. */
export function SearchBox() {
  const { t } = useTranslation();
  const search = useOrdersQuery((s) => s.query.search);
  const setSearch = useOrdersQuery((s) => s.setSearch);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      if (search) setSearch('');
      else useSelection.getState().clear();
    } else if (event.key === 'ArrowDown') {
      const grid = document.querySelector<HTMLElement>('.orders-grid');
      if (!grid) return;
      event.preventDefault();
      grid.focus();
    }
  };
  return (
    <div className="orders-search">
      <Icon name="search" className="orders-search-icon" />
      <input
        type="search"
        className="input orders-search-input"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder={t('orders.search.placeholder')}
        // The placeholder fits a narrow window; the hint names everything the box finds.
        title={t('orders.search.hint')}
        aria-label={t('orders.search.label')}
        aria-keyshortcuts="/"
        data-shortcut="search"
        autoComplete="off"
        spellCheck={false}
      />
      <kbd className="orders-search-key" aria-hidden="true">
        /
      </kbd>
    </div>
  );
}
