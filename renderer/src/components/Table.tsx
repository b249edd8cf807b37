import type { ReactNode } from 'react'

/**
 * A table's column headings. With `actions`, a last column for the row buttons whose heading only
 * screen readers hear ("Actions"). A table whose body is virtualised numbers its rows (`aria-rowindex`),
 * the heading row being row 1.
 */
export function TableHead({ columns, actions = false, numbered = false }: { columns: readonly ReactNode[]; actions?: boolean; numbered?: boolean }) {
  return (
    <HeadRow actions={actions} numbered={numbered}>
      {columns.map((column, i) => (
        <th key={i} scope="col">
          {column}
        </th>
      ))}
    </HeadRow>
  )
}

/** The heading row both kinds of table head share: numbered for a virtualised body, and the Actions column. */
function HeadRow({ actions, numbered, children }: { actions: boolean; numbered: boolean; children: ReactNode }) {
  return (
    <thead>
      <tr aria-rowindex={numbered ? 1 : undefined}>
        {children}
        {actions && (
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        )}
      </tr>
    </thead>
  )
}

/** The cell under the "Actions" heading: the row's buttons side by side. */
export function RowActions({ children }: { children: ReactNode }) {
  return (
    <td>
      <div className="row-actions">{children}</div>
    </td>
  )
}

/** Save and Cancel for a row that is being edited in place. */
export function SaveCancelActions({ saveLabel, saving = false, onSave, onCancel }: { saveLabel: string; saving?: boolean; onSave(): void; onCancel(): void }) {
  return (
    <RowActions>
      <button type="button" className="primary" disabled={saving} onClick={onSave}>
        {saveLabel}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </RowActions>
  )
}

export interface SortableColumn<K extends string> {
  key: K
  label: string
}

/**
 * Column headings that sort the table: each heading is a button (reached with Tab, pressed with Enter or
 * Space), and the sorted column carries `aria-sort` so a screen reader says how the rows are ordered.
 */
export function SortableTableHead<K extends string>({
  columns,
  sort,
  direction,
  onSort,
  actions = false,
  numbered = false,
}: {
  columns: readonly SortableColumn<K>[]
  sort: K
  direction: 'ascending' | 'descending'
  onSort(column: K): void
  actions?: boolean
  numbered?: boolean
}) {
  return (
    <HeadRow actions={actions} numbered={numbered}>
      {columns.map((column) => {
        const sorted = column.key === sort
        return (
          <th key={column.key} scope="col" aria-sort={sorted ? direction : undefined}>
            <button type="button" className="sort-heading" onClick={() => onSort(column.key)}>
              {column.label}
              <span aria-hidden="true" className={sorted ? 'sort-mark sorted' : 'sort-mark'}>
                {sorted ? (direction === 'ascending' ? '▲' : '▼') : '↕'}
              </span>
            </button>
          </th>
        )
      })}
    </HeadRow>
  )
}
