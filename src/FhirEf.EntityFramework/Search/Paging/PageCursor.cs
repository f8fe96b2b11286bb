using System.Globalization;
using System.Text;
using FhirEf.Core.Errors;

namespace FhirEf.EntityFramework.Search.Paging;

/// <summary>
/// The position of a page, opaque to clients (<c>_cursor</c>): after or before an id for the default
/// order (keyset: stable while resources are added), or an offset for sorted and system searches.
/// </summary>
internal sealed record PageCursor(char Kind, string Value)
{
    public const char After = 'a';
    public const char Before = 'b';
    public const char Offset = 'o';

    public int OffsetValue => int.Parse(Value, CultureInfo.InvariantCulture);

    public static PageCursor AtOffset(int offset) => new(Offset, offset.ToString(CultureInfo.InvariantCulture));

    public string Format() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Kind + Value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static PageCursor Parse(string text)
    {
        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var cursor = new PageCursor(decoded[0], decoded[1..]);
            return cursor.Kind is After or Before || (cursor.Kind == Offset && int.TryParse(cursor.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                ? cursor
                : throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException)
        {
            throw new InvalidSearchException("_cursor", text, "not a paging position this server issued.");
        }
    }
}
