// Passwords of at least 12 characters that appear near the top of public breach corpora (and German favourites).
// Shorter ones are already rejected by the length rule. Compared lower-cased.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456789123', '111111111111', '000000000000', '123123123123',
  '123412341234', '121212121212', '987654321098', '098765432109', '112233445566', '147258369147', '123321123321',
  'qwertyuiopas', 'qwertyuiop12', 'qwertyuiop123', 'qwerty123456', 'qwerty1234567', 'qwertzuiop12', 'qwertz123456',
  'asdfghjklasd', 'asdfghjkl123', 'zxcvbnm12345', '1q2w3e4r5t6y', '1qaz2wsx3edc', 'q1w2e3r4t5y6', 'qazwsxedcrfv',
  'abcdefghijkl', 'abcdefgh1234', 'abc123abc123', 'abcd12345678', 'aaaaaaaaaaaa', 'password1234', 'password12345',
  'password123!', 'passwordpassword', 'password1password', 'p@ssw0rd1234', 'passw0rd1234', 'mypassword123',
  'password2024', 'password2025', 'password2026', 'iloveyou1234', 'iloveyou12345', 'letmein12345', 'welcome12345',
  'welcome123456', 'welcome2024!', 'changeme1234', 'changeme12345', 'administrator', 'administrator1', 'admin1234567',
  'admin123456789', 'adminadmin123', 'rootroot1234', 'superman1234', 'batman123456', 'football1234', 'baseball1234',
  'basketball12', 'sunshine1234', 'princess1234', 'starwars1234', 'dragon123456', 'monkey123456', 'shadow123456',
  'michael12345', 'jennifer1234', 'trustno1trustno1', 'liverpool123', 'chelsea12345', 'arsenal12345', 'pokemon12345',
  'computer1234', 'internet1234', 'whatever1234', 'nopassword12', 'secret123456', 'mustang12345', 'master123456',
  'qwertyqwerty', 'qwerty12345678', 'zaq12wsxcde3', '1qazxsw23edc', 'passwort1234', 'passwort12345', 'passwort2024',
  'hallo1234567', 'hallohallo12', 'schatz123456', 'sommer123456', 'fussball1234', 'bundesliga12', 'deutschland1',
  'deutschland12', 'deutschland123', 'geheim123456', 'geheimgeheim', 'willkommen12', 'willkommen123', 'kennwort1234',
  'china1234567', 'shanghai1234', 'beijing12345', 'woaini123456', 'woaini1314520', 'compliance123', 'scscheck1234',
]);
