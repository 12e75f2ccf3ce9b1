import { useState, type DragEvent, type ReactNode } from 'react';
import { t } from '../i18n';

/**
 * The area a user drops files on (upload and import pages): highlighted while files are dragged over it,
 * greyed out and inert without write access. `onFiles` gets the dropped files only when there are some
 * and the user may write.
 */
export function DropZone({
  canWrite,
  onFiles,
  testId,
  children,
}: {
  canWrite: boolean;
  onFiles: (files: FileList) => void;
  testId: string;
  children: ReactNode;
}) {
  const [dragging, setDragging] = useState(false);

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    if (canWrite && e.dataTransfer.files.length) onFiles(e.dataTransfer.files);
  }

  return (
    <div
      className={`dropzone${dragging ? ' dragging' : ''}${canWrite ? '' : ' disabled'}`}
      onDragOver={(e) => {
        e.preventDefault();
        if (canWrite) setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid={testId}
    >
      {children}
    </div>
  );
}

/** Why the user cannot add files: the company's subscription has ended, or their role only reads. */
export function WriteAccessNotice({ readOnly }: { readOnly: boolean }) {
  return (
    <p className="alert alert-warning">
      {readOnly ? t('upload.readOnly') : t('detail.viewerRoleOnly')}
    </p>
  );
}
