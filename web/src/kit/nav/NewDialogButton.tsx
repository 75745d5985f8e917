/**
 * A page's "New …" button with the dialog it opens. The dialog is mounted only while open, so
 * every opening starts from a blank draft; `initiallyOpen` opens it with the page (a "?new=1" link).
 * Where the dialog is a CreateDialog, CreateButton (kit/form) is this button with it.
 *
 *   actions={<NewDialogButton dialog={(close) => <CreateTokenModal onClose={close} />}>New token</NewDialogButton>}
 */
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { NewButton } from './NewButton.tsx';

export function NewDialogButton({
  icon,
  initiallyOpen = false,
  dialog,
  children,
}: {
  icon?: ReactNode;
  initiallyOpen?: boolean;
  dialog: (close: () => void) => ReactNode;
  children: ReactNode;
}) {
  const [opened, { open, close }] = useDisclosure(initiallyOpen);
  return (
    <>
      <NewButton icon={icon} onClick={open}>
        {children}
      </NewButton>
      {opened && dialog(close)}
    </>
  );
}
