namespace FhirEf.Api.Patching;

/// <summary>Small textual helpers on FHIRPath expressions.</summary>
public static class FhirPathText
{
    /// <summary>
    /// Splits <c>Patient.name.where(use='official').given</c> into the expression before the last
    /// top-level '.' and the identifier after it; null when the expression does not end in <c>.identifier</c>.
    /// </summary>
    public static (string Parent, string Name)? SplitLast(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var depth = 0;
        var quote = '\0';
        var lastDot = -1;
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '\'' or '`':
                    quote = c;
                    break;
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']':
                    depth--;
                    break;
                case '.' when depth == 0:
                    lastDot = i;
                    break;
            }
        }

        if (lastDot <= 0)
        {
            return null;
        }

        var name = expression[(lastDot + 1)..].Trim();
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return null;
        }

        return (expression[..lastDot].Trim(), name);
    }
}
