import { type ArgumentsHost, BadRequestException, NotFoundException, ValidationPipe } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { IsEmail, IsIn, MaxLength } from 'class-validator';
import { ConflictError, fieldError, NotFoundError, RateLimitedError, STATUS_OF_KIND } from '../errors/domain-errors';
import { AllExceptionsFilter, type ErrorBody } from './exception.filter';
import { msg, oneOfLabels, validationExceptionFactory } from './field-errors';

interface Sent {
  body: ErrorBody;
  status: number;
  headers: Record<string, string>;
}

/** Runs the filter on one exception for a request in `lang`, through a fake HTTP adapter. */
function send(exception: unknown, lang?: string): Sent {
  const sent: Sent = { body: {} as ErrorBody, status: 0, headers: {} };
  const adapter = {
    reply: (_res: unknown, body: ErrorBody, status: number) => Object.assign(sent, { body, status }),
    setHeader: (_res: unknown, name: string, value: string) => (sent.headers[name] = value),
    isHeadersSent: () => false,
    getRequestUrl: () => '/api/x',
  };
  const req = { id: 'req-1', headers: lang ? { 'accept-language': lang } : {} };
  const host = { switchToHttp: () => ({ getRequest: () => req, getResponse: () => ({}) }) } as unknown as ArgumentsHost;
  new AllExceptionsFilter({ httpAdapter: adapter } as unknown as HttpAdapterHost).catch(exception, host);
  return sent;
}

class SignUp {
  @IsEmail({}, msg('validation.email')) email!: string;
  @IsIn(
    ['wfoe', 'jv'],
    oneOfLabels(
      { wfoe: { en: 'WFOE', de: 'WFOE' }, jv: { en: 'Joint venture', de: 'Joint Venture' } },
      { label: { en: 'Legal form', de: 'Rechtsform' } },
    ),
  )
  legalForm!: string;
  @MaxLength(5) name!: string;
}

class Legacy {
  @IsIn(['en', 'de'], { message: 'Choose "en" or "de"' }) locale!: string;
}

async function validationError(body: object): Promise<unknown> {
  const pipe = new ValidationPipe({
    validationError: { target: true, value: false },
    exceptionFactory: validationExceptionFactory,
  });
  return pipe.transform(body, { type: 'body', metatype: SignUp }).then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('AllExceptionsFilter', () => {
  it('maps every domain error kind to its status in one table', () => {
    expect(send(new NotFoundError('errors.assessment.notFound')).status).toBe(STATUS_OF_KIND.not_found);
    expect(send(new ConflictError('errors.assessment.readOnly')).status).toBe(409);
    expect(send(new RateLimitedError('errors.auth.backoff', { seconds: 3 })).status).toBe(429);
  });

  it('answers in the language of the request, with a stable code, field messages and details', () => {
    const e = new ConflictError('errors.profile.changedMeanwhile', { version: 4 }, { details: { currentVersion: 4 } });
    expect(send(e).body).toMatchObject({
      statusCode: 409,
      code: 'errors.profile.changedMeanwhile',
      message: expect.stringMatching(/^Someone saved the profile in the meantime \(now version 4\)/),
      currentVersion: 4,
      requestId: 'req-1',
    });
    const de = send(e, 'de-DE,de;q=0.9');
    expect(de.body.message).toMatch(/^Jemand hat das Profil zwischenzeitlich gespeichert \(jetzt Version 4\)/);
    expect(de.headers['Content-Language']).toBe('de');
    const login = send(fieldError('password', 'errors.auth.loginFailed'), 'de');
    expect(login.body).toMatchObject({
      message: 'E-Mail-Adresse oder Passwort ist falsch',
      errors: { password: 'E-Mail-Adresse oder Passwort ist falsch' },
      codes: { password: 'errors.auth.loginFailed' },
    });
  });

  it("translates class-validator errors, naming fields and options in the user's words", async () => {
    const e = await validationError({ email: 'nope', legalForm: 'gmbh', name: 'too long' });
    const en = send(e).body;
    expect(en).toMatchObject({
      statusCode: 400,
      code: 'validation.request',
      errors: {
        email: 'Enter a valid email address',
        legalForm: 'Choose one of: wfoe, jv',
        name: 'Must be shorter than or equal to 5 characters',
      },
      codes: { email: 'validation.email', legalForm: 'validation.oneOf', name: 'validation.maxLength' },
    });
    expect(en.message).toBe(
      'Invalid request. Email address: Enter a valid email address; Legal form: Choose one of: wfoe, jv; Name: Must be shorter than or equal to 5 characters',
    );
    const de = send(e, 'de').body;
    expect(de.errors).toEqual({
      email: 'Bitte geben Sie eine gültige E-Mail-Adresse ein',
      legalForm: 'Bitte wählen Sie eine der Optionen WFOE, Joint Venture',
      name: 'Bitte geben Sie höchstens 5 Zeichen ein',
    });
    expect(de.message).toContain('Rechtsform: Bitte wählen Sie eine der Optionen WFOE, Joint Venture');
    expect(JSON.stringify(de)).not.toContain('too long'); // never echoes the value
  });

  it("keeps a DTO's own (not yet keyed) message as it is", async () => {
    const pipe = new ValidationPipe({
      validationError: { target: true, value: false },
      exceptionFactory: validationExceptionFactory,
    });
    const e = await pipe.transform({ locale: 'fr' }, { type: 'body', metatype: Legacy }).catch((x: unknown) => x);
    expect(send(e).body).toMatchObject({
      errors: { locale: 'Choose "en" or "de"' },
      codes: { locale: 'validation.invalid' },
    });
  });

  it("keeps HttpException bodies (features not converted yet) and adds a code; translates Nest's unknown route", () => {
    expect(send(new BadRequestException({ message: 'x', errors: { a: 'y' } })).body).toMatchObject({
      statusCode: 400,
      code: 'errors.http.badRequest',
      message: 'x',
      errors: { a: 'y' },
    });
    expect(send(new NotFoundException('Cannot GET /api/nope'), 'de').body).toMatchObject({
      code: 'errors.routeNotFound',
      message: 'Diese API-Adresse gibt es nicht',
    });
  });

  it('answers a generic 500 with the request id for anything else, in the request language', () => {
    const sent = send(new Error('SELECT secret FROM x'), 'de');
    expect(sent.status).toBe(500);
    expect(sent.body.code).toBe('errors.unexpected');
    expect(JSON.stringify(sent.body)).not.toContain('secret');
    expect(sent.body.message).toMatch(/Anfrage-ID/);
  });
});
