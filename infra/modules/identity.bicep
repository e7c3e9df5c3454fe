// One user-assigned identity for everything the bot does: it is the Azure Bot's app identity
// (MicrosoftAppType=UserAssignedMSI, so no app password exists), the Functions host's storage
// identity and the app's DefaultAzureCredential. A user-assigned identity exists before the
// function app, so role assignments and the bot registration need no second deployment pass.

@description('Name of the managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the resource.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
