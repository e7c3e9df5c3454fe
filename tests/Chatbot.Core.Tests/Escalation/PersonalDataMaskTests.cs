using Chatbot.Core.Escalation;

namespace Chatbot.Core.Tests.Escalation;

public class PersonalDataMaskTests
{
    [Theory]
    [InlineData("rappelez moi au 06 12 34 56 78 svp", "rappelez moi au [téléphone] svp")]
    [InlineData("mon numero: +33 6 12 34 56 78.", "mon numero: [téléphone].")]
    [InlineData("tel 0612345678 ou 01.45.67.89.10", "tel [téléphone] ou [téléphone]")]
    [InlineData("mi chiami al 347 123 4567 grazie", "mi chiami al [téléphone] grazie")]
    [InlineData("call me on +39 06 1234 5678", "call me on [téléphone]")]
    [InlineData("écrivez à jeanne.dupont@orange.fr merci", "écrivez à [e-mail] merci")]
    [InlineData("mon numéro de sécu 1 85 05 78 006 084 36", "mon numéro de sécu [n° sécu]")]
    [InlineData("NIR 285057800608436 pour le dossier", "NIR [n° sécu] pour le dossier")]
    [InlineData("ma mère est née le 12/03/1941", "ma mère est née le [date]")]
    [InlineData("nata il 3 maggio 1948 a Roma", "nata il [date] a Roma")]
    [InlineData("born on March 3, 1950", "born on [date]")]
    [InlineData("j'habite 12 rue des Lilas, 56000 Vannes", "j'habite [adresse], [adresse]")]
    [InlineData("abito in via Garibaldi 5", "abito in [adresse]")]
    [InlineData("abito in corso Buenos Aires 12, 20124 Milano", "abito in [adresse], [adresse]")]
    [InlineData("je m'appelle Jeanne Dupont et j'ai peur", "je m'appelle [nom] et j'ai peur")]
    [InlineData("c'est pour Mme Martin, ma voisine", "c'est pour Mme [nom], ma voisine")]
    [InlineData("mi chiamo Giulia Rossi", "mi chiamo [nom]")]
    [InlineData("my name is John Smith, my mum is Mrs Brown", "my name is [nom], my mum is Mrs [nom]")]
    public void PersonalData_IsReplacedByAPlaceholder(string text, string expected)
    {
        Assert.Equal(expected, PersonalDataMask.Mask(text));
    }

    [Theory]
    [InlineData("faut il etre a jeun 6 heures avant ?")]
    [InlineData("j'ai 40 de fièvre depuis 2 jours")]
    [InlineData("la reprise de la marche 2h après le geste")]
    [InlineData("fuite de ciment dans 1 à 5% des cas")]
    [InlineData("je suis inquiète pour ma mère")]
    public void OrdinaryMedicalText_IsLeftAlone(string text)
    {
        Assert.Equal(text, PersonalDataMask.Mask(text));
    }

    [Fact]
    public void EveryKind_InOneMessage_IsMasked()
    {
        var masked = PersonalDataMask.Mask("Bonjour, je m'appelle Paul Durand, né le 02/05/1950, 3 avenue Foch 75016 Paris, tel 06 11 22 33 44, paul@free.fr, sécu 1 50 05 75 116 002 12.");

        foreach (var leaked in new[] { "Paul", "Durand", "1950", "Foch", "75016", "06 11", "paul@", "116 002" })
            Assert.DoesNotContain(leaked, masked, StringComparison.Ordinal);
        foreach (var placeholder in new[] { PersonalDataMask.Name, PersonalDataMask.Date, PersonalDataMask.Address, PersonalDataMask.Phone, PersonalDataMask.Email, PersonalDataMask.Nir })
            Assert.Contains(placeholder, masked, StringComparison.Ordinal);
    }
}
