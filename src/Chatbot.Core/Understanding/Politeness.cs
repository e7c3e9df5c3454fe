using Chatbot.Core.Content;

namespace Chatbot.Core.Understanding;

/// <summary>
/// "please", "s'il vous plaît", "per favore" of every language (<c>politeness</c> in
/// <c>dialogs/language</c>): left out of the words the topic is guessed from. Requests for staff use
/// them most, so "price of cementoplasty pls" read as a request for a person.
/// </summary>
internal sealed class Politeness(ChatContent content)
{
    private readonly PhraseSet<bool> phrases = new(content.Languages.Values.SelectMany(l => l.Politeness).Select(p => (Tokeniser.Compile(p), true)));

    public List<Token> Remove(List<Token> tokens)
    {
        var polite = new bool[tokens.Count];
        if (!phrases.Cover(tokens, polite)) return tokens;
        // A message of nothing but "please" keeps it: something has to be classified.
        return polite.Contains(false) ? [.. tokens.Where((_, i) => !polite[i])] : tokens;
    }
}
