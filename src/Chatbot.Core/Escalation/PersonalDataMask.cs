using System.Text.RegularExpressions;

namespace Chatbot.Core.Escalation;

/// <summary>
/// Replaces personal data in patients' messages by placeholders before staff or notifications see
/// them: e-mails, French NIR (numéro de sécurité sociale), phone numbers (FR, IT, international),
/// dates (of birth, mostly), postal addresses, and names the patient gives ("je m'appelle…",
/// "Mme Dupont", "mi chiamo…", "my name is…"). Order matters: a NIR is masked before it can look
/// like a phone number, a date before it can look like a street number.
/// </summary>
public static partial class PersonalDataMask
{
    public const string Email = "[e-mail]";
    public const string Nir = "[n° sécu]";
    public const string Phone = "[téléphone]";
    public const string Date = "[date]";
    public const string Address = "[adresse]";
    public const string Name = "[nom]";

    public static string Mask(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        // Cheap checks first: most messages have no digit, no '@' and no capital, and then
        // no pattern below can match (this runs on every patient message).
        if (text.Contains('@')) text = EmailPattern().Replace(text, Email);
        if (text.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            text = NirPattern().Replace(text, Nir);
            text = PhonePattern().Replace(text, Phone);
            text = NumericDatePattern().Replace(text, Date);
            text = WrittenDatePattern().Replace(text, Date);
            text = StreetPattern().Replace(text, Address);
            text = PostcodeCityPattern().Replace(text, Address);
        }
        if (text.Any(char.IsUpper))
        {
            text = NamedStreetPattern().Replace(text, Address);
            text = NameAfterCuePattern().Replace(text, m => m.Groups["cue"].Value + Name);
        }
        return text;
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    /// <summary>Sex, year, month (or 20/30-42/50 for unknown), department (2A/2B), commune, order, optional key.</summary>
    [GeneratedRegex(@"\b[12][\s.]?\d{2}[\s.]?(?:0[1-9]|1[0-2]|[2-9]\d)[\s.]?(?:\d{2}|2[AB])[\s.]?\d{3}[\s.]?\d{3}(?:[\s.]?\d{2})?\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NirPattern();

    /// <summary>+33 / 0033 / 0 then 9 digits in pairs; Italian mobiles (3xx) and landlines (0x); any +country number.</summary>
    [GeneratedRegex(@"(?<!\w)(?:(?:\+|00)\d{2,3}[\s.-]?(?:\(0\)[\s.-]?)?\d(?:[\s.-]?\d){7,11}|0[1-9](?:[\s.-]?\d{2}){4}|3\d{2}[\s.-]?\d{3}[\s.-]?\d{3,4}|0\d{1,3}[\s.-]\d{3,4}[\s.-]?\d{3,4})(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDatePattern();

    [GeneratedRegex(@"\b\d{1,2}(?:er)?\s+(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|dicembre|january|february|march|april|may|june|july|august|september|october|november|december)\s+(?:19|20)\d{2}\b|\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WrittenDatePattern();

    [GeneratedRegex(@"\b\d{1,4}(?:\s?(?:bis|ter|[a-c]))?,?\s+(?:rue|avenue|av\.?|boulevard|bd|chemin|all[ée]e|place|impasse|route|quai|cours|via|viale|piazza|piazzale|corso|vicolo|street|st\.?|road|rd\.?|lane|drive)\b[^,.;\n]{0,40}", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StreetPattern();

    /// <summary>"via Garibaldi 5", "piazza San Marco", "rue Victor Hugo": a street type, then capitalised words, then maybe a number.</summary>
    [GeneratedRegex(@"\b(?i:via|viale|piazza|piazzale|corso|vicolo|largo|rue|avenue|boulevard|place|all[ée]e|chemin)\s+(?:de\s+la\s+|des\s+|du\s+|de\s+|di\s+|della\s+)?[A-ZÀ-Ý][\p{L}'-]+(?:\s+[A-ZÀ-Ý][\p{L}'-]+){0,3}(?:,?\s*\d{1,4}[a-z]?\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex NamedStreetPattern();

    [GeneratedRegex(@"\b\d{5}\s+[A-ZÀ-Ý][\p{L}'-]+(?:[\s-][A-ZÀ-Ý][\p{L}'-]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex PostcodeCityPattern();

    /// <summary>A capitalised name after "je m'appelle", "Mme", "mi chiamo", "my name is"… (one to three words).</summary>
    [GeneratedRegex(@"(?<cue>\b(?i:je m['’]appelle|mon nom est|nom\s?:|madame|monsieur|mme\.?|mlle\.?|m\.|docteur|dr\.?|mi chiamo|il mio nome [èe]|signora|signor|sig\.(?:ra)?|my name is|mrs\.?|mr\.?|ms\.?|miss|name\s?:)\s+)(?:[A-ZÀ-Ý][\p{L}'-]+)(?:\s+[A-ZÀ-Ý][\p{L}'-]+){0,2}", RegexOptions.CultureInvariant)]
    private static partial Regex NameAfterCuePattern();
}
