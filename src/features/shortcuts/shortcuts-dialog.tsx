import { Fragment } from 'react';
import { ModalDialog } from '../../components/modal-dialog';
import { SHORTCUT_GROUPS, keyLabel } from './shortcuts';

/** Every shortcut of the app, from the one table the handlers use (shortcuts.ts). */
export function ShortcutsDialog(props: { open: boolean; onClose: () => void }) {
  return (
    <ModalDialog title="Keyboard shortcuts" open={props.open} onClose={props.onClose}>
      <p className="text-sm text-slate-600">
        Shortcuts do nothing while you type in a field: press Tab or click elsewhere first.
      </p>
      {SHORTCUT_GROUPS.map((group) => (
        <section key={group.title} aria-label={group.title} className="flex flex-col gap-1">
          <h3 className="text-sm font-semibold">{group.title}</h3>
          <table className="w-full text-sm">
            <tbody>
              {Object.entries(group.shortcuts).map(([action, shortcut]) => (
                <tr key={action} className="border-t border-slate-200">
                  <td className="w-40 py-1 pr-3 align-top whitespace-nowrap">
                    {shortcut.keys.map((key, i) => (
                      <Fragment key={key}>
                        {i > 0 && <span className="px-1 text-slate-500">or</span>}
                        <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">
                          {keyLabel(key)}
                        </kbd>
                      </Fragment>
                    ))}
                  </td>
                  <td className="py-1">{shortcut.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </ModalDialog>
  );
}
