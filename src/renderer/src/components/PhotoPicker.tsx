import type { PhotoUpload } from '@shared/schemas';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { readPhoto } from '../lib/photo';

/** Props of {@link PhotoPicker}. */
export interface PhotoPickerProps {
  label: string;
  onChange(photo: PhotoUpload | null): void;
  disabled?: boolean;
}

/**
 * A file input for a profile photo: checks the file with the shared schema, previews it from a
 * blob: URL (revoked when replaced or unmounted) and offers "Remove photo".
 */
export function PhotoPicker({ label, onChange, disabled }: PhotoPickerProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const input = useRef<HTMLInputElement>(null);
  const urlRef = useRef<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(
    () => () => {
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    },
    [],
  );

  const showPreview = (url: string | null) => {
    if (urlRef.current) URL.revokeObjectURL(urlRef.current);
    urlRef.current = url;
    setPreview(url);
  };

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const read = await readPhoto(file);
    if (read.ok) {
      setError(null);
      showPreview(URL.createObjectURL(file));
      onChange(read.photo);
    } else {
      setError(read.message);
      showPreview(null);
      onChange(null);
      if (input.current) input.current.value = '';
    }
  };

  const remove = () => {
    showPreview(null);
    setError(null);
    onChange(null);
    if (input.current) {
      input.current.value = '';
      input.current.focus();
    }
  };

  return (
    <div className="field photo-field">
      <label htmlFor={id}>{label}</label>
      <div className="photo-picker">
        {preview ? (
          <img className="photo-preview" src={preview} alt="Photo preview" />
        ) : (
          <div className="photo-preview photo-empty" aria-hidden="true" />
        )}
        <div className="photo-actions">
          <input
            ref={input}
            id={id}
            type="file"
            accept="image/jpeg,image/png,image/gif,image/webp"
            onChange={(event) => void pick(event)}
            disabled={disabled}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          />
          <p id={hintId} className="field-hint">
            JPEG, PNG, GIF or WebP, up to 2 MB.
          </p>
          {preview ? (
            <button
              type="button"
              className="button button-quiet"
              onClick={remove}
              disabled={disabled}
            >
              Remove photo
            </button>
          ) : null}
        </div>
      </div>
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
