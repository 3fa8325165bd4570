import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  APP_CONFIG,
  type AppConfig,
  Authenticated,
  type AuthUser,
  CurrentUser,
  type Locale,
  Public,
  RequestLocale,
  explicitLocale,
} from '@scs/api/core';
import { Client } from '../client';
import { AuthService, refreshSourceOf, type SignedIn } from './auth.service';
import { clearSessionCookies, writeSessionCookies } from './cookies';
import { CsrfService } from './csrf.service';
import {
  ChangePasswordDto,
  LoginDto,
  MeResponse,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  RefreshDto,
  RegisterDto,
  RegisterResponse,
  SessionResponse,
  VerifiedResponse,
  VerifyEmailDto,
} from './dto/auth.dto';
import type { ClientMeta } from './sessions.service';
import { LoginThrottleGuard } from './login-throttle.guard';
import { SameOriginJsonGuard } from './same-origin-json.guard';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly csrf: CsrfService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sets the cookies; the body carries the tokens too (for API clients) unless the cookie was the credential. */
  private signedIn(res: Response, s: SignedIn, tokensInBody = true): SessionResponse {
    writeSessionCookies(res, this.config, s.session);
    const tokens = tokensInBody ? { accessToken: s.session.accessToken, refreshToken: s.session.refreshToken } : {};
    return { ...tokens, expiresIn: s.session.expiresIn, user: s.user };
  }

  @Post('register')
  @Public()
  @UseGuards(SameOriginJsonGuard, LoginThrottleGuard)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Create an unverified account and a firm (or, with an invitation for this address, join once verified); e-mails a confirmation link. The same answer whether or not the address has an account',
  })
  @ApiAcceptedResponse({ type: RegisterResponse })
  @ApiForbiddenResponse({ description: 'The invitation is for another address; or a cross-site request' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Body not application/json' })
  register(
    @Body() dto: RegisterDto,
    @Client() client: ClientMeta,
    @RequestLocale() locale: Locale,
  ): Promise<RegisterResponse> {
    return this.auth.register(dto, client, locale);
  }

  @Post('verify-email')
  @Public()
  @UseGuards(SameOriginJsonGuard, LoginThrottleGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Confirm the address with the e-mailed token (single use); accepts the invitation registered with and signs in',
  })
  @ApiOkResponse({ type: VerifiedResponse })
  async verifyEmail(
    @Body() dto: VerifyEmailDto,
    @Client() client: ClientMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VerifiedResponse> {
    const result = await this.auth.verifyEmail(dto.token, client);
    return { ...this.signedIn(res, result), orgId: result.orgId };
  }

  @Post('login')
  @Public()
  @UseGuards(SameOriginJsonGuard, LoginThrottleGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in; sets httpOnly cookies and returns tokens for API clients' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ description: 'Email or password is incorrect' })
  @ApiForbiddenResponse({
    description: 'E-mail address not confirmed yet (a new link is sent); or a cross-site request',
  })
  @ApiTooManyRequestsResponse({
    description: 'Too many attempts for this account from this IP (backoff), or from this IP',
  })
  async login(
    @Body() dto: LoginDto,
    @Client() client: ClientMeta,
    @Res({ passthrough: true }) res: Response,
    @Req() req: Request,
  ): Promise<SessionResponse> {
    return this.signedIn(res, await this.auth.login(dto, client, explicitLocale(req.headers['accept-language'])));
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Exchange the refresh token (body or scs_refresh cookie + X-XSRF-TOKEN) for new tokens; the old one stops working',
  })
  @ApiOkResponse({ type: SessionResponse })
  async refresh(
    @Body() dto: RefreshDto,
    @Req() req: Request,
    @Client() client: ClientMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    const source = refreshSourceOf(req, dto.refreshToken);
    try {
      return this.signedIn(
        res,
        await this.auth.refresh(source, (sid) => this.csrf.assert(req, sid), client),
        source?.via === 'body',
      );
    } catch (e) {
      if (source?.via === 'cookie') clearSessionCookies(res, this.config);
      throw e;
    }
  }

  @Post('logout')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End the session (its refresh and access tokens stop working) and clear the cookies' })
  @ApiNoContentResponse()
  async logout(
    @Body() dto: RefreshDto,
    @Req() req: Request,
    @Client() client: ClientMeta,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.logout(req, refreshSourceOf(req, dto.refreshToken), (sid) => this.csrf.assert(req, sid), client);
    clearSessionCookies(res, this.config);
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in user and their organisations' })
  @ApiOkResponse({ type: MeResponse })
  me(@CurrentUser() user: AuthUser): Promise<MeResponse> {
    return this.auth.me(user.id);
  }

  @Post('password')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Change the password; every other session is signed out' })
  @ApiNoContentResponse()
  changePassword(
    @CurrentUser() user: AuthUser,
    @Body() dto: ChangePasswordDto,
    @Client() client: ClientMeta,
  ): Promise<void> {
    return this.auth.changePassword(user, dto, client);
  }

  @Post('password-reset/request')
  @Public()
  @UseGuards(LoginThrottleGuard)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Email a reset link if the account exists (the answer is the same either way)' })
  @ApiAcceptedResponse()
  requestReset(@Body() dto: PasswordResetRequestDto, @Client() client: ClientMeta): Promise<void> {
    return this.auth.requestPasswordReset(dto.email, client);
  }

  @Post('password-reset/confirm')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Set a new password with the emailed token; signs out every session' })
  @ApiNoContentResponse()
  confirmReset(@Body() dto: PasswordResetConfirmDto, @Client() client: ClientMeta): Promise<void> {
    return this.auth.confirmPasswordReset(dto, client);
  }
}
