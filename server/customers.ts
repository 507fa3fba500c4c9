/** Customer routes of API §5: register, show (incl. `me`), update, and `GET /api/user`. */
import bcrypt from 'bcryptjs';
import { storeProfileImage } from './files';
import { phpIntCast, phpString } from './php';
import { type ApiRequest, ServerCrash } from './request';
import { appError, itemResult, jsonResult, validationError, type HttpResult } from './responses';
import {
  apiUserRow,
  createCustomer,
  emailTaken,
  updateCustomer,
  userView,
  type CustomerChanges,
} from './users';
import { validateRegistration } from './validation';

/** A value PHP would store in a string column (arrays/objects crash like the real server). */
const columnText = (value: unknown): string => phpString(value) ?? '';

const GENDERS = new Set(['male', 'female']);

function checkGender(value: string): string {
  if (!GENDERS.has(value)) throw new ServerCrash("Data truncated for column 'gender'");
  return value;
}

/** MySQL strict mode accepts real calendar dates only. */
function checkDate(value: string): string {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(value);
  if (match === null) throw new ServerCrash('Incorrect date value');
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    throw new ServerCrash('Incorrect date value');
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const given = (value: unknown): boolean => value !== null && value !== undefined;

/** POST /api/v1/customers (no auth): validation 422, then one transaction. */
export async function registerCustomer(req: ApiRequest): Promise<HttpResult> {
  const { ctx, input } = req;
  const errors = validateRegistration(input, (email) => emailTaken(ctx, email));
  if (Object.keys(errors).length > 0) return validationError(errors);
  // A text/array `image` field crashes the real controller; uploaded files are ignored.
  if (given(input.image)) throw new ServerCrash('image must be a file');
  const id = createCustomer(ctx, {
    email: columnText(input.email),
    passwordHash: await bcrypt.hash(columnText(input.password), ctx.bcryptRounds),
    firstName: columnText(input.first_name),
    lastName: columnText(input.last_name),
    middleName: given(input.middle_name) ? columnText(input.middle_name) : '',
    gender: given(input.gender) ? checkGender(columnText(input.gender)) : 'male',
    birthdate: given(input.birthdate) ? checkDate(columnText(input.birthdate)) : null,
  });
  ctx.log('customers', 'registered', { userId: id });
  return itemResult(201, userView(ctx, id, req.baseUrl));
}

/** GET /api/v1/customers/{userId|me}: strict ownership (API §4.2). */
export async function showCustomer(req: ApiRequest): Promise<HttpResult> {
  const own = requireUser(req);
  const segment = req.params.userId ?? '';
  if (segment !== 'me' && phpIntCast(segment) !== own) return appError(401);
  const view = userView(req.ctx, own, req.baseUrl);
  return view === null ? appError(404) : itemResult(200, view);
}

const PROFILE_FIELDS = ['first_name', 'last_name', 'middle_name', 'gender', 'birthdate'] as const;

/** PUT /api/v1/customers/{userId}: nothing validated, empty fields keep old values, 201. */
export async function updateCustomerRoute(req: ApiRequest): Promise<HttpResult> {
  const own = requireUser(req);
  if (phpIntCast(req.params.userId ?? '') !== own) return appError(401);
  const { ctx, input } = req;
  const changes: CustomerChanges = { profile: {} };
  for (const field of PROFILE_FIELDS) {
    if (!given(input[field])) continue;
    const text = columnText(input[field]);
    changes.profile[field] =
      field === 'gender' ? checkGender(text) : field === 'birthdate' ? checkDate(text) : text;
  }
  if (given(input.password)) {
    changes.passwordHash = await bcrypt.hash(columnText(input.password), ctx.bcryptRounds);
  }
  const image = req.files.image;
  if (image !== undefined) changes.profile.image = await storeProfileImage(ctx, image);
  updateCustomer(ctx, own, changes);
  ctx.log('customers', 'updated', { userId: own, password: changes.passwordHash !== undefined });
  return itemResult(201, userView(ctx, own, req.baseUrl));
}

/** GET /api/user: the bare user row, no envelope. */
export async function apiUser(req: ApiRequest): Promise<HttpResult> {
  const row = apiUserRow(req.ctx, requireUser(req));
  return row === null ? appError(404) : jsonResult(200, row);
}

/** GET /api/v1/customers (bearer): the real handler lacks its userId and crashes. */
export async function listCustomersCrash(req: ApiRequest): Promise<HttpResult> {
  requireUser(req);
  throw new ServerCrash('Missing argument 1 for CustomersController::index()');
}

function requireUser(req: ApiRequest): number {
  if (req.userId === null) throw new Error('route requires the auth middleware');
  return req.userId;
}
