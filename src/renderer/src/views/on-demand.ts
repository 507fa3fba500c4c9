/**
 * The screens not needed to show sign-in, in one chunk that App loads on demand: start-up parses
 * less, and one chunk compresses better than several small ones.
 */
export { ProfileScreen } from './profile/ProfileScreen';
export { RegisterView } from './RegisterView';
