import type { ButtonHTMLAttributes } from 'react';

/**
 * A text-styled button for moving between screens. It does not take focus on mouse down: that
 * would blur the field being typed in, and a validation message appearing on that blur would
 * move this button away before the click lands.
 */
export function LinkButton(props: ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type="button"
      className="link-button"
      onMouseDown={(event) => event.preventDefault()}
      {...props}
    />
  );
}
