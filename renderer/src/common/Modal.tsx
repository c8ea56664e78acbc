import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the native <dialog> element: focus moves in, Escape closes, and the
 * page behind is inert.
 */
export function Modal(props: { title: string; onClose(): void; children: ReactNode; className?: string; labelledBy?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;
  useEffect(() => {
    const dialog = ref.current!;
    const previous = document.activeElement as HTMLElement | null;
    dialog.showModal();
    // showModal focuses the first control; a dialog can name a better one.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const cancel = (event: Event) => {
      event.preventDefault();
      onClose.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      dialog.close();
      previous?.focus?.();
    };
  }, []);
  return (
    <dialog ref={ref} className={`modal ${props.className ?? ''}`} aria-labelledby="modal-title">
      <h2 id="modal-title">{props.title}</h2>
      {props.children}
    </dialog>
  );
}

export function ConfirmDialog(props: { title: string; message: string; confirmLabel: string; onConfirm(): void; onCancel(): void }) {
  return (
    <Modal title={props.title} onClose={props.onCancel} className="confirm">
      <p>{props.message}</p>
      <div className="modal-actions">
        <button type="button" autoFocus onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
