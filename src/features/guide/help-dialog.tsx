import { ModalDialog } from '../../components/modal-dialog';
import { GuideContent } from './guide-content';

export function HelpDialog(props: { open: boolean; onClose: () => void }) {
  return (
    <ModalDialog title="Help" open={props.open} onClose={props.onClose}>
      <GuideContent />
    </ModalDialog>
  );
}
