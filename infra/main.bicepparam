// CHU interventional radiology, production. No secret here: they live in Key Vault (see README).
using './main.bicep'

param namePrefix = 'chu-radiologie'
param environmentName = 'prod'
param botDisplayName = 'Radiologie interventionnelle'
param botSku = 'S1'
param storageSku = 'Standard_ZRS'
param maximumInstanceCount = 40
param instanceMemoryMB = 2048
// 'westeurope' keeps the bot's data in the EU (Azure Bot regionalization); 'global' is the default.
param botLocation = 'global'
// The hospital page that embeds Web Chat (the app's own page at / is always trusted).
param webChatOrigins = [
  'https://www.chu-radiologie.example.fr'
]
param enableTeamsChannel = false
param enablePurgeProtection = true
param logRetentionInDays = 90
param tags = {
  owner: 'radiologie-interventionnelle'
  dataClassification: 'health'
}
