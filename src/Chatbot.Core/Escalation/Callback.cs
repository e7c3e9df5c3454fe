using System.Text.RegularExpressions;

namespace Chatbot.Core.Escalation;

/// <summary>When the team calls back: office days and hours in the hospital's time zone.</summary>
public sealed record OfficeHours(TimeOnly Opens, TimeOnly Closes, IReadOnlyList<DayOfWeek> Days, string TimeZone)
{
    public static readonly OfficeHours Default = new(new TimeOnly(8, 30), new TimeOnly(17, 30),
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], "Europe/Paris");

    /// <summary>"aujourd'hui avant 17:30", "lundi à partir de 08:30" — in the patient's language.</summary>
    public string NextCall(DateTimeOffset now, string language)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (Days.Contains(local.DayOfWeek) && time < Closes.AddHours(-1))
        {
            return language switch { "it" => $"oggi entro le {Closes:HH\\:mm}", "en" => $"today before {Closes:HH\\:mm}", _ => $"aujourd'hui avant {Closes:HH\\:mm}" };
        }
        var day = local.Date.AddDays(1);
        while (!Days.Contains(day.DayOfWeek)) day = day.AddDays(1);
        var name = Weekday(day.DayOfWeek, language);
        return language switch { "it" => $"{name} dalle {Opens:HH\\:mm}", "en" => $"{name} from {Opens:HH\\:mm}", _ => $"{name} à partir de {Opens:HH\\:mm}" };
    }

    private static string Weekday(DayOfWeek day, string language) => language switch
    {
        "it" => ((string[])["domenica", "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato"])[(int)day],
        "en" => day.ToString(),
        _ => ((string[])["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"])[(int)day],
    };
}

/// <summary>A phone number or e-mail the patient gives to be called back, checked and normalised.</summary>
public static partial class ContactDetails
{
    /// <summary>The first valid contact in the message: "+33612345678", "0612345678" or an e-mail; else null.</summary>
    public static string? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Email().Match(text) is { Success: true } email) return email.Value;
        foreach (Match candidate in PhoneLike().Matches(text))
        {
            var digits = new string(candidate.Value.Where(c => char.IsDigit(c) || c == '+').ToArray());
            if (digits.StartsWith("00", StringComparison.Ordinal)) digits = "+" + digits[2..];
            var valid = digits switch
            {
                _ when digits.StartsWith("+33", StringComparison.Ordinal) => digits.Length == 12,
                _ when digits.StartsWith("+39", StringComparison.Ordinal) => digits.Length is >= 11 and <= 13,
                _ when digits.StartsWith('+') => digits.Length is >= 9 and <= 16,
                _ when digits.StartsWith('0') => digits.Length == 10,
                _ when digits.StartsWith('3') => digits.Length is 9 or 10,
                _ => false,
            };
            if (valid) return digits;
        }
        return null;
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?:\+|00)?\d[\d\s.\-()]{7,18}\d", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneLike();

}
