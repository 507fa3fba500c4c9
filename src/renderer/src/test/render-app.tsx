import type { Profile, SessionView } from '@shared/views';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../App';
import { profileOf, setUpApi, signedIn } from './fixtures';

/** Renders the app signed in and waits for the profile; returns the user and the event pusher. */
export async function renderProfile(
  profile: Profile = profileOf(),
  view: SessionView = signedIn(),
) {
  const push = setUpApi(view, profile);
  const user = userEvent.setup();
  render(<App />);
  await screen.findByRole('button', { name: 'Edit profile' });
  return { user, push };
}

/** The control labelled `label`. */
export const field = (label: string) => screen.getByLabelText(label);

/** The text shown for a term of the profile's details list. */
export const detail = (term: string) =>
  screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
