using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace Touchpoint.Server.Platform.Identity;

/// <summary>
/// Remembers, for a few minutes, the sign-in cookies and XSRF token pairs that have already been verified. Verifying one
/// decrypts it (AES and HMAC under keys derived afresh on every call): a state-changing request did that three times,
/// 7.5 % of the server's samples while counters called next (decision 0027), and a signed-in browser sends the same
/// values for hours. Only values that verified are remembered, keyed by their exact text; the cookie's expiry and the user's
/// security stamp are still checked on every request; entries go after 10 minutes unused and at most an hour after
/// they were verified, so a change of the key ring reaches every session within the hour.
/// </summary>
public sealed class VerifiedTokens : IDisposable
{
    private readonly MemoryCache verified = new(new MemoryCacheOptions { SizeLimit = 20_000 });
    private static readonly MemoryCacheEntryOptions Keep = new()
    {
        Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10), AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1),
    };

    /// <summary>The sign-in cookie's ticket, decrypted once per distinct cookie value.</summary>
    public ISecureDataFormat<AuthenticationTicket> Tickets(ISecureDataFormat<AuthenticationTicket> decrypting) => new TicketFormat(this, decrypting);

    /// <summary>Whether this user's XSRF cookie and header were verified as a pair before.</summary>
    public bool XsrfPairVerified(string userId, string cookieToken, string headerToken) =>
        verified.TryGetValue(XsrfKey(userId, cookieToken, headerToken), out _);

    public void RememberXsrfPair(string userId, string cookieToken, string headerToken) =>
        verified.Set(XsrfKey(userId, cookieToken, headerToken), true, Keep);

    private static string XsrfKey(string userId, string cookieToken, string headerToken) =>
        string.Concat("xsrf\n", userId, "\n", cookieToken, "\n", headerToken);

    public void Dispose() => verified.Dispose();

    private sealed class TicketFormat(VerifiedTokens owner, ISecureDataFormat<AuthenticationTicket> decrypting) : ISecureDataFormat<AuthenticationTicket>
    {
        public string Protect(AuthenticationTicket data) => decrypting.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => decrypting.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            if (string.IsNullOrEmpty(protectedText)) return decrypting.Unprotect(protectedText, purpose);
            var key = string.Concat("ticket\n", purpose, "\n", protectedText);
            if (owner.verified.TryGetValue(key, out AuthenticationTicket? known))
                return Copy(known!);
            var ticket = decrypting.Unprotect(protectedText, purpose);
            if (ticket is null) return null;
            owner.verified.Set(key, Copy(ticket), Keep);
            return ticket;
        }

        // The cookie handler and the principal's refresh change what they are given; the remembered ticket stays as read.
        private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
            new(ticket.Principal.Clone(), ticket.Properties.Clone(), ticket.AuthenticationScheme);
    }
}
