using System.Net;
using System.Text;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Data.Tables.Sas;

namespace Chatbot.Functions.State.Azure;

/// <summary>
/// Creates a table when it is missing, with one REST call. Azure.Data.Tables' own CreateIfNotExists
/// serialises its request with reflection-based JSON, which Native AOT does not have.
/// </summary>
public sealed class TableCreation(TableServiceClient service, TokenCredential? credential) : IDisposable
{
    private static readonly string[] StorageScope = ["https://storage.azure.com/.default"];
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task EnsureAsync(string table, CancellationToken cancellationToken)
    {
        var tables = new UriBuilder(service.Uri);
        tables.Path = tables.Path.TrimEnd('/') + "/Tables";
        using var request = new HttpRequestMessage(HttpMethod.Post, tables.Uri)
        {
            Content = new StringContent($$"""{"TableName":"{{table}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-ms-version", "2019-02-02");
        request.Headers.Add("Accept", "application/json;odata=nometadata");
        request.Headers.Add("Prefer", "return-no-content");
        if (credential is not null)
        {
            var token = await credential.GetTokenAsync(new TokenRequestContext(StorageScope), cancellationToken);
            request.Headers.Authorization = new("Bearer", token.Token);
        }
        else
        {
            // A connection string holds the account key: a short-lived SAS signs this one call.
            var sas = service.GenerateSasUri(TableAccountSasPermissions.All, TableAccountSasResourceTypes.All, DateTimeOffset.UtcNow.AddMinutes(5));
            tables.Query = sas.Query.TrimStart('?');
            request.RequestUri = tables.Uri;
        }
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict) return;
        throw new RequestFailedException((int)response.StatusCode, $"creating table {table}: HTTP {(int)response.StatusCode}");
    }

    public void Dispose() => http.Dispose();
}
