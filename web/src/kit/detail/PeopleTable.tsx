/** People in a list (a group's members, a board's members): name, email, and a remove button. */
import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { DataTable } from '../list/DataTable.tsx';
import { TrashButton } from './RemoveButton.tsx';

type Person = { id: string; name: string; email?: string | null };

export function PeopleTable<P extends Person>({
  people,
  label,
  linkTo,
  onRemove,
  removeLabel = (p) => `Remove ${p.name}`,
}: {
  people: readonly P[];
  label: string;
  /** Where a name links to, when people have a page. */
  linkTo?: (p: P) => string;
  /** Without it (read only), no remove buttons. */
  onRemove?: ((p: P) => void) | undefined;
  removeLabel?: (p: P) => string;
}) {
  return (
    <DataTable
      verticalSpacing="xs"
      aria-label={label}
      columns={['Name', 'Email', { label: 'Remove', w: 60, hidden: true }]}
    >
      {people.map((p) => (
        <Table.Tr key={p.id}>
          <Table.Td>
            {linkTo ? (
              <Anchor component={Link} to={linkTo(p)} size="sm">
                {p.name}
              </Anchor>
            ) : (
              p.name
            )}
          </Table.Td>
          <Table.Td>
            <Text size="sm">{p.email}</Text>
          </Table.Td>
          <Table.Td>
            {onRemove && <TrashButton label={removeLabel(p)} onClick={() => onRemove(p)} />}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
