/** A form that posts: busy while it runs, the error if it fails, a saved flag when it succeeds. */
import { useState, type FormEvent } from 'react';

export interface Submit {
  readonly error: unknown;
  readonly busy: boolean;
  readonly saved: boolean;
  submit(e: FormEvent): Promise<void>;
}

export function useSubmit<T>(action: () => Promise<T>, done: (r: T) => void | Promise<void>): Submit {
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      await done(await action());
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, saved, submit };
}
