// Azure Bot registration: routes channel traffic to the function app's /api/messages. Its app
// identity is the user-assigned managed identity, so there is no app password to store or rotate.

@description('Bot handle (globally unique).')
param name string

@description('Name shown to users in channels.')
param displayName string

@description('Bot location: global, or westeurope for data kept within the EU.')
@allowed([
  'global'
  'westeurope'
])
param location string

@description('Tags applied to the resources.')
param tags object

@description('Pricing tier: F0 (free, standard channels limited) or S1.')
@allowed([
  'F0'
  'S1'
])
param sku string

@description('Messaging endpoint (https://<app>.azurewebsites.net/api/messages).')
param endpoint string

@description('Resource id of the user-assigned identity that is the bot\'s app identity.')
param identityId string

@description('Client id of that identity (the bot\'s MicrosoftAppId).')
param identityClientId string

@description('Origins allowed to open Direct Line conversations with tokens from /api/directline/token.')
param trustedOrigins array

@description('Also connect the bot to Microsoft Teams.')
param enableTeamsChannel bool

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: location
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: identityId
    publicNetworkAccess: 'Enabled'
  }
}

// The site's Web Chat talks to Direct Line with short-lived tokens from /api/directline/token.
// Enhanced authentication binds each token to its `dl_…` user and to the trusted origins; uploads
// are blocked because patients must not send documents (medical data) through the chat.
resource directLine 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: location
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Hospital website'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: true
          isBlockUserUploadEnabled: true
          trustedOrigins: trustedOrigins
        }
      ]
    }
  }
}

// Kept for the portal's "Test in Web Chat" pane.
resource webChat 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: location
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isWebchatPreviewEnabled: true
        }
      ]
    }
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = if (enableTeamsChannel) {
  parent: bot
  name: 'MsTeamsChannel'
  location: location
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
