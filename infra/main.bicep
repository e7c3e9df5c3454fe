// Patient-question chatbot (interventional radiology) on Azure: a Flex Consumption function app
// running Chatbot.Functions as a .NET isolated worker, its Azure Bot registration, storage, Key Vault and
// monitoring. Parameters and module calls only; each module holds one resource and its roles.
targetScope = 'resourceGroup'

@description('Azure region of the resources (must offer Flex Consumption). Defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('Short prefix of every resource name: lowercase letters, digits and hyphens (e.g. chu-radiologie).')
@minLength(3)
@maxLength(14)
param namePrefix string

@description('Environment: dev, rec, prod… Part of every name, with a hash of the resource group for uniqueness.')
@minLength(2)
@maxLength(5)
param environmentName string

@description('Replication of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Largest number of function app instances (Flex Consumption: 40 to 1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each function app instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Name of the bot shown to patients.')
@minLength(1)
param botDisplayName string

@description('Azure Bot pricing tier.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Azure Bot location: global, or westeurope to keep bot data within the EU (then the regional Direct Line endpoint is used).')
@allowed([
  'global'
  'westeurope'
])
param botLocation string = 'global'

@description('Hospital web site origins that embed Web Chat (e.g. https://www.chu-example.fr); the app\'s own origin is always trusted.')
param webChatOrigins array = []

@description('Also connect the bot to Microsoft Teams.')
param enableTeamsChannel bool = false

@description('Key Vault purge protection (recommended in production; cannot be turned off later).')
param enablePurgeProtection bool = true

@description('Days of log retention.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('App settings read from Key Vault references: NAME__PART reads the secret NAME--PART (set by operators after deployment).')
param secretSettingNames array = [
  'DirectLine__Secret'
  'Notifications__Webhook__Secret'
  'Telemetry__PseudonymKey'
]

@description('Further non-secret app settings, e.g. Notifications__Webhook__Url or Staff__Entra__Authority.')
param appSettings object = {}

@description('Tags applied to every resource.')
param tags object = {}

var base = '${namePrefix}-${environmentName}'
var compact = toLower(replace(base, '-', ''))
var suffix = take(uniqueString(resourceGroup().id, base), 6)
var allTags = union({ application: 'chatbot-radiologie', environment: environmentName }, tags)

var directLineEndpoint = botLocation == 'westeurope'
  ? 'https://europe.directline.botframework.com/v3/directline'
  : 'https://directline.botframework.com/v3/directline'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-${base}'
    location: location
    tags: allTags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: 'log-${base}'
    appInsightsName: 'appi-${base}'
    location: location
    tags: allTags
    retentionInDays: logRetentionInDays
    principalId: identity.outputs.principalId
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: '${take('st${compact}', 18)}${suffix}'
    location: location
    tags: allTags
    skuName: storageSku
    deploymentContainerName: 'app-package'
    queueNames: [
      'notifications'
      'notifications-poison'
    ]
    principalId: identity.outputs.principalId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: '${take('kv${compact}', 17)}-${suffix}'
    location: location
    tags: allTags
    enablePurgeProtection: enablePurgeProtection
    principalId: identity.outputs.principalId
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: 'func-${base}-${suffix}'
    planName: 'plan-${base}'
    location: location
    tags: allTags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    deploymentContainerName: storage.outputs.deploymentContainerName
    appInsightsName: monitoring.outputs.appInsightsName
    keyVaultName: keyVault.outputs.name
    secretSettingNames: secretSettingNames
    directLineEndpoint: directLineEndpoint
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    corsAllowedOrigins: webChatOrigins
    extraAppSettings: appSettings
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: 'bot-${base}-${suffix}'
    displayName: botDisplayName
    location: botLocation
    tags: allTags
    sku: botSku
    endpoint: 'https://${functionApp.outputs.defaultHostName}/api/messages'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    trustedOrigins: union(['https://${functionApp.outputs.defaultHostName}'], webChatOrigins)
    enableTeamsChannel: enableTeamsChannel
  }
}

output functionAppName string = functionApp.outputs.name
output functionAppHostName string = functionApp.outputs.defaultHostName
output botName string = bot.outputs.name
output storageAccountName string = storage.outputs.name
output keyVaultName string = keyVault.outputs.name
output identityClientId string = identity.outputs.clientId
