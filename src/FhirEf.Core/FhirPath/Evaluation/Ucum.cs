using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;

namespace FhirEf.Core.FhirPath.Evaluation;

/// <summary>
/// The part of UCUM (https://ucum.org) FhirEf needs to compare, convert and multiply quantities:
/// the unit grammar (prefixes, exponents, <c>.</c> and <c>/</c>, parentheses, <c>10*n</c>,
/// annotations) over the base, SI-derived, clinical, customary US and time units that occur in
/// health data. Units outside the table are not understood (<see cref="TryParse"/> is false); the
/// callers then treat them as comparable only to the identical unit string.
/// </summary>
internal static class Ucum
{
    private const int MaxCachedUnits = 4096;

    private static readonly FrozenDictionary<string, decimal> Prefixes = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["Y"] = 1e24m, ["Z"] = 1e21m, ["E"] = 1e18m, ["P"] = 1e15m, ["T"] = 1e12m, ["G"] = 1e9m, ["M"] = 1e6m,
        ["k"] = 1e3m, ["h"] = 1e2m, ["da"] = 1e1m, ["d"] = 1e-1m, ["c"] = 1e-2m, ["m"] = 1e-3m, ["u"] = 1e-6m,
        ["n"] = 1e-9m, ["p"] = 1e-12m, ["f"] = 1e-15m, ["a"] = 1e-18m, ["z"] = 1e-21m, ["y"] = 1e-24m,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // code → (metric: takes prefixes, factor, definition in other units). Base units have no definition.
    private static readonly FrozenDictionary<string, (bool Metric, decimal Factor, string? Definition)> Atoms =
        new Dictionary<string, (bool, decimal, string?)>(StringComparer.Ordinal)
        {
            ["m"] = (true, 1m, null), ["s"] = (true, 1m, null), ["g"] = (true, 1m, null), ["rad"] = (true, 1m, null),
            ["K"] = (true, 1m, null), ["C"] = (true, 1m, null), ["cd"] = (true, 1m, null), ["mol"] = (true, 1m, null),

            ["%"] = (false, 0.01m, "1"), ["[ppth]"] = (false, 1e-3m, "1"), ["[ppm]"] = (false, 1e-6m, "1"),
            ["[ppb]"] = (false, 1e-9m, "1"), ["[pptr]"] = (false, 1e-12m, "1"), ["[pi]"] = (false, 3.1415926535897932384626433833m, "1"),

            ["sr"] = (true, 1m, "rad2"), ["Hz"] = (true, 1m, "s-1"), ["N"] = (true, 1m, "kg.m/s2"), ["Pa"] = (true, 1m, "N/m2"),
            ["J"] = (true, 1m, "N.m"), ["W"] = (true, 1m, "J/s"), ["A"] = (true, 1m, "C/s"), ["V"] = (true, 1m, "J/C"),
            ["F"] = (true, 1m, "C/V"), ["Ohm"] = (true, 1m, "V/A"), ["S"] = (true, 1m, "Ohm-1"), ["Wb"] = (true, 1m, "V.s"),
            ["T"] = (true, 1m, "Wb/m2"), ["H"] = (true, 1m, "Wb/A"), ["lm"] = (true, 1m, "cd.sr"), ["lx"] = (true, 1m, "lm/m2"),
            ["Bq"] = (true, 1m, "s-1"), ["Gy"] = (true, 1m, "J/kg"), ["Sv"] = (true, 1m, "J/kg"), ["kat"] = (true, 1m, "mol/s"),
            ["U"] = (true, 1m, "umol/min"), ["eq"] = (true, 1m, "mol"), ["osm"] = (true, 1m, "mol"),

            ["l"] = (true, 1m, "dm3"), ["L"] = (true, 1m, "dm3"), ["ar"] = (true, 100m, "m2"), ["t"] = (true, 1000m, "kg"),
            ["bar"] = (true, 1e5m, "Pa"), ["u"] = (true, 1.6605402e-24m, "g"), ["eV"] = (true, 1.60217733e-19m, "J"),
            ["atm"] = (false, 101325m, "Pa"), ["m[Hg]"] = (true, 133.322m, "kPa"), ["m[H2O]"] = (true, 9.80665m, "kPa"),
            ["[in_i'Hg]"] = (false, 1m, "m[Hg].[in_i]/m"), ["cal"] = (true, 4.184m, "J"), ["[Cal]"] = (false, 1m, "kcal"),
            ["Ao"] = (false, 0.1m, "nm"), ["[drp]"] = (false, 1m, "mL/20"),

            ["min"] = (false, 60m, "s"), ["h"] = (false, 60m, "min"), ["d"] = (false, 24m, "h"), ["wk"] = (false, 7m, "d"),
            ["a_j"] = (false, 365.25m, "d"), ["a"] = (false, 1m, "a_j"), ["mo_j"] = (false, 1m, "a_j/12"), ["mo"] = (false, 1m, "mo_j"),
            ["a_t"] = (false, 365.24219m, "d"), ["a_g"] = (false, 365.2425m, "d"),

            ["[in_i]"] = (false, 2.54m, "cm"), ["[ft_i]"] = (false, 12m, "[in_i]"), ["[yd_i]"] = (false, 3m, "[ft_i]"),
            ["[mi_i]"] = (false, 5280m, "[ft_i]"), ["[nmi_i]"] = (false, 1852m, "m"), ["[lb_av]"] = (false, 453.59237m, "g"),
            ["[oz_av]"] = (false, 1m, "[lb_av]/16"), ["[gr]"] = (false, 64.79891m, "mg"), ["[stone_av]"] = (false, 14m, "[lb_av]"),
            ["[gal_us]"] = (false, 231m, "[in_i]3"), ["[qt_us]"] = (false, 1m, "[gal_us]/4"), ["[pt_us]"] = (false, 1m, "[qt_us]/2"),
            ["[cup_us]"] = (false, 1m, "[pt_us]/2"), ["[foz_us]"] = (false, 1m, "[gal_us]/128"), ["[tbs_us]"] = (false, 1m, "[foz_us]/2"),
            ["[tsp_us]"] = (false, 1m, "[tbs_us]/3"), ["[degR]"] = (false, 5m, "K/9"),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    // Arbitrary units: each converts only to itself (with prefixes and in combinations).
    private static readonly FrozenDictionary<string, string> ArbitraryAtoms = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["[iU]"] = "[iU]", ["[IU]"] = "[iU]", ["[arb'U]"] = "[arb'U]", ["[USP'U]"] = "[USP'U]", ["[CFU]"] = "[CFU]",
        ["[PFU]"] = "[PFU]", ["[FFU]"] = "[FFU]", ["[BAU]"] = "[BAU]", ["[AU]"] = "[AU]", ["[Amb'a'1'U]"] = "[Amb'a'1'U]",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, UcumUnit?> Cache = new(StringComparer.Ordinal);

    /// <summary>Parses a UCUM unit expression; false when it is malformed or uses atoms FhirEf does not know.</summary>
    public static bool TryParse(string unit, out UcumUnit parsed)
    {
        if (!Cache.TryGetValue(unit, out var cached))
        {
            cached = Parse(unit);
            if (Cache.Count >= MaxCachedUnits)
            {
                Cache.Clear();
            }

            Cache[unit] = cached;
        }

        parsed = cached ?? UcumUnit.Unity;
        return cached is not null;
    }

    /// <summary>A value in <paramref name="unit"/> expressed in base units.</summary>
    public static decimal ToBase(decimal value, UcumUnit unit) => (value * unit.Factor) + unit.Offset;

    /// <summary>A value in base units expressed in <paramref name="unit"/>.</summary>
    public static decimal FromBase(decimal value, UcumUnit unit) => (value - unit.Offset) / unit.Factor;

    private static UcumUnit? Parse(string unit)
    {
        switch (unit)
        {
            case "Cel":
                return new UcumUnit(1m, new UcumDimension(0, 0, 0, 0, 1, 0, 0, 0), Offset: 273.15m);
            case "[degF]":
                return new UcumUnit(5m / 9m, new UcumDimension(0, 0, 0, 0, 1, 0, 0, 0), Offset: 273.15m - (32m * 5m / 9m));
        }

        try
        {
            var parser = new Parser(unit);
            var result = parser.ParseMain();
            return parser.AtEnd ? result : null;
        }
        catch (OverflowException)
        {
            return null;
        }
        catch (DivideByZeroException)
        {
            return null;
        }
    }

    private static UcumUnit? Atom(string code)
    {
        if (ArbitraryAtoms.TryGetValue(code, out var arbitrary))
        {
            return new UcumUnit(1m, UcumDimension.None, arbitrary);
        }

        if (!Atoms.TryGetValue(code, out var atom))
        {
            return null;
        }

        if (atom.Definition is null)
        {
            return new UcumUnit(1m, BaseDimension(code));
        }

        if (atom.Definition == "1")
        {
            return new UcumUnit(atom.Factor, UcumDimension.None);
        }

        return TryParse(atom.Definition, out var definition)
            ? new UcumUnit(atom.Factor * definition.Factor, definition.Dimension, definition.Arbitrary)
            : null;
    }

    private static UcumDimension BaseDimension(string code) => code switch
    {
        "m" => new(1, 0, 0, 0, 0, 0, 0, 0),
        "s" => new(0, 1, 0, 0, 0, 0, 0, 0),
        "g" => new(0, 0, 1, 0, 0, 0, 0, 0),
        "rad" => new(0, 0, 0, 1, 0, 0, 0, 0),
        "K" => new(0, 0, 0, 0, 1, 0, 0, 0),
        "C" => new(0, 0, 0, 0, 0, 1, 0, 0),
        "cd" => new(0, 0, 0, 0, 0, 0, 1, 0),
        _ => new(0, 0, 0, 0, 0, 0, 0, 1),
    };

    private static UcumUnit? Symbol(string symbol)
    {
        if (Atom(symbol) is { } atom)
        {
            return atom;
        }

        foreach (var length in (ReadOnlySpan<int>)[2, 1])
        {
            if (symbol.Length > length
                && Prefixes.TryGetValue(symbol[..length], out var factor)
                && (Atoms.TryGetValue(symbol[length..], out var definition) ? definition.Metric : ArbitraryAtoms.ContainsKey(symbol[length..]))
                && Atom(symbol[length..]) is { } prefixed)
            {
                return prefixed with { Factor = factor * prefixed.Factor };
            }
        }

        return null;
    }

    private sealed class Parser(string text)
    {
        private int _position;

        public bool AtEnd => _position == text.Length;

        public UcumUnit? ParseMain()
        {
            if (text.Length == 0)
            {
                return null;
            }

            if (text == "1")
            {
                _position = 1;
                return UcumUnit.Unity;
            }

            if (Peek == '/')
            {
                _position++;
                return ParseTerm() is { } term ? UcumUnit.Unity.Multiply(term.Power(-1)) : null;
            }

            return ParseTerm();
        }

        private char Peek => _position < text.Length ? text[_position] : '\0';

        private UcumUnit? ParseTerm()
        {
            var result = ParseComponent();
            while (result is not null && Peek is '.' or '/')
            {
                var divide = text[_position++] == '/';
                var next = ParseComponent();
                if (next is null)
                {
                    return null;
                }

                result = result.Multiply(divide ? next.Power(-1) : next);
            }

            return result;
        }

        private UcumUnit? ParseComponent()
        {
            if (Peek == '(')
            {
                _position++;
                var inner = ParseTerm();
                if (Peek != ')')
                {
                    return null;
                }

                _position++;
                SkipAnnotation();
                return inner;
            }

            if (Peek == '{')
            {
                SkipAnnotation();
                return UcumUnit.Unity;
            }

            if (char.IsAsciiDigit(Peek))
            {
                var start = _position;
                while (char.IsAsciiDigit(Peek))
                {
                    _position++;
                }

                var number = decimal.Parse(text.AsSpan(start, _position - start), CultureInfo.InvariantCulture);
                if (Peek is '*' or '^')
                {
                    _position++;
                    var exponent = ReadExponent() ?? 1;
                    var factor = 1m;
                    for (var i = 0; i < Math.Abs(exponent); i++)
                    {
                        factor *= number;
                    }

                    number = exponent < 0 ? 1m / factor : factor;
                }

                SkipAnnotation();
                return new UcumUnit(number, UcumDimension.None);
            }

            var symbolStart = _position;
            while (_position < text.Length && Peek is not ('.' or '/' or '(' or ')' or '{' or '+' or '-') && !char.IsAsciiDigit(Peek))
            {
                if (Peek == '[')
                {
                    var close = text.IndexOf(']', _position);
                    if (close < 0)
                    {
                        return null;
                    }

                    _position = close + 1;
                }
                else
                {
                    _position++;
                }
            }

            if (_position == symbolStart)
            {
                return null;
            }

            var unit = Symbol(text[symbolStart.._position]);
            if (unit is null)
            {
                return null;
            }

            var power = ReadExponent();
            SkipAnnotation();
            return power is { } p ? unit.Power(p) : unit;
        }

        private int? ReadExponent()
        {
            var start = _position;
            if (Peek is '+' or '-')
            {
                _position++;
            }

            while (char.IsAsciiDigit(Peek))
            {
                _position++;
            }

            if (_position == start || (_position == start + 1 && !char.IsAsciiDigit(text[start])))
            {
                _position = start;
                return null;
            }

            return int.Parse(text.AsSpan(start, _position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        private void SkipAnnotation()
        {
            if (Peek != '{')
            {
                return;
            }

            var close = text.IndexOf('}', _position);
            _position = close < 0 ? text.Length + 1 : close + 1;
        }
    }
}
