/** Response values built by route logic, and the response families of API §1.5. */
import { phpJson } from './php';

/** A fully built HTTP response. */
export interface HttpResult {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** Content type of Laravel JSON responses (no charset). */
export const JSON_TYPE = 'application/json';
/** Content type of Laravel HTML/text responses. */
export const HTML_TYPE = 'text/html; charset=UTF-8';

/** A JSON response encoded like PHP's json_encode. */
export function jsonResult(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResult {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: phpJson(body) };
}

/** App error family: `{"errors": [...], "status": n}`. */
export function appError(status: 400 | 401 | 404, message?: string): HttpResult {
  const text = status === 401 ? 'unauthorized' : status === 404 ? 'nothing found' : message;
  return jsonResult(status, { errors: [text], status });
}

/** Validation error family: `{"errors": {field: [msg]}, "status": 422}`. */
export function validationError(errors: Record<string, string[]>): HttpResult {
  return jsonResult(422, { errors, status: 422 });
}

/** Fractal item family: `{"data": ..., "status": n}`. */
export function itemResult(status: 200 | 201, data: unknown): HttpResult {
  return jsonResult(status, { data, status });
}

const PAGE_MESSAGES: Record<number, string> = {
  404: 'Sorry, the page you are looking for could not be found.',
  405: 'Whoops, looks like something went wrong.',
  500: 'Whoops, looks like something went wrong.',
};

/** The framework's HTML error page (404, 405, 500): never JSON. */
export function errorPage(
  status: 404 | 405 | 500,
  headers: Record<string, string> = {},
): HttpResult {
  const message = PAGE_MESSAGES[status];
  const body = `<!DOCTYPE html>
<html>
    <head>
        <meta charset="UTF-8" />
        <title>${message}</title>
    </head>
    <body>
        <div class="container">
            <div class="content">
                <div class="title">${message}</div>
            </div>
        </div>
    </body>
</html>
`;
  return { status, headers: { 'content-type': HTML_TYPE, ...headers }, body };
}

/** Symfony's RedirectResponse page. */
export function redirect(status: 301 | 302, location: string): HttpResult {
  const escaped = location.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const body = `<!DOCTYPE html>
<html>
    <head>
        <meta charset="UTF-8" />
        <meta http-equiv="refresh" content="0;url=${escaped}" />

        <title>Redirecting to ${escaped}</title>
    </head>
    <body>
        Redirecting to <a href="${escaped}">${escaped}</a>.
    </body>
</html>`;
  return { status, headers: { 'content-type': HTML_TYPE, location }, body };
}

/** Plain text body with Laravel's default HTML content type (429, token-endpoint crashes). */
export function textResult(
  status: number,
  text: string,
  headers: Record<string, string> = {},
): HttpResult {
  return { status, headers: { 'content-type': HTML_TYPE, ...headers }, body: text };
}
