import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig, Authenticated, type AuthUser, CurrentUser, Public } from '@scs/api/core';
import { Client } from '../client';
import { AuthService, refreshSourceOf, type SignedIn } from './auth.service';
import { clearSessionCookies, writeSessionCookies } from './cookies';
import { CsrfService } from './csrf.service';
import {
  ChangePasswordDto, LoginDto, MeResponse, PasswordResetConfirmDto, PasswordResetRequestDto, RefreshDto, RegisterDto, RegisterResponse, SessionResponse,
} from './dto/auth.dto';
import type { ClientMeta } from './sessions.service';
import { LoginThrottleGuard } from './login-throttle.guard';

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
  @UseGuards(LoginThrottleGuard)
  @ApiOperation({ summary: 'Create an account and a firm (or join the organisation of an invitation); signs in' })
  @ApiCreatedResponse({ type: RegisterResponse })
  @ApiConflictResponse({ description: 'Email already registered (errors.email)' })
  async register(@Body() dto: RegisterDto, @Client() client: ClientMeta, @Res({ passthrough: true }) res: Response): Promise<RegisterResponse> {
    const result = await this.auth.register(dto, client);
    return { ...this.signedIn(res, result), orgId: result.orgId };
  }

  @Post('login')
  @Public()
  @UseGuards(LoginThrottleGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in; sets httpOnly cookies and returns tokens for API clients' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ description: 'Email or password is incorrect' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts for this email or IP' })
  async login(@Body() dto: LoginDto, @Client() client: ClientMeta, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    return this.signedIn(res, await this.auth.login(dto, client));
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange the refresh token (body or scs_refresh cookie + X-XSRF-TOKEN) for new tokens; the old one stops working' })
  @ApiOkResponse({ type: SessionResponse })
  async refresh(@Body() dto: RefreshDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    const source = refreshSourceOf(req, dto.refreshToken);
    try {
      return this.signedIn(res, await this.auth.refresh(source, (sid) => this.csrf.assert(req, sid)), source?.via === 'body');
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
  async logout(@Body() dto: RefreshDto, @Req() req: Request, @Client() client: ClientMeta, @Res({ passthrough: true }) res: Response): Promise<void> {
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
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto, @Client() client: ClientMeta): Promise<void> {
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
